"""Typo tolerance and the "Essayez plutôt" correction, on a hand-made vocabulary."""

from sitesearch import spelling
from sitesearch.spelling import Word

VOCABULARY = [Word("illectronisme", "illectronisme", 3), Word("numerique", "numérique", 40),
              Word("numeriser", "numériser", 1), Word("responsable", "responsable", 12),
              Word("inclusion", "inclusion", 9), Word("ia", "ia", 30), Word("bordeau", "bordeaux", 5)]


def test_a_known_term_or_the_start_of_one_is_searched_as_it_is():
    expansion = spelling.expand(["numer", "responsable"], VOCABULARY)
    assert expansion.variants == {"numer": ("numer",), "responsable": ("responsable",)}
    assert expansion.corrections == {}
    assert expansion.suggestion([("numér", "numer"), ("responsable", "responsable")]) == ""


def test_a_typo_is_searched_under_the_closest_words_and_corrected():
    # ratio("ilectronisme", "illectronisme") = 2 × 12 / 25 = 0.96
    expansion = spelling.expand(["ilectronisme"], VOCABULARY)
    assert expansion.variants == {"ilectronisme": ("illectronisme",)}
    assert expansion.suggestion([("ilectronisme", "ilectronisme")]) == "illectronisme"


def test_the_correction_is_written_as_documents_write_it_and_keeps_the_other_words():
    # ratio("numerik", "numerique") = 2 × 6 / 16 = 0.75; ("numerik", "numeriser") = 2 × 6 / 16 = 0.75, rarer
    expansion = spelling.expand(["numerik", "responsable"], VOCABULARY)
    assert expansion.variants["numerik"] == ("numerique", "numeriser")
    assert expansion.suggestion([("numerik", "numerik"), ("Responsable", "responsable")]) == "numérique Responsable"


def test_short_words_and_far_words_are_not_corrected():
    expansion = spelling.expand(["ix", "zebre", "inclinaison"], VOCABULARY)
    assert expansion.corrections == {}
    assert expansion.variants == {"ix": ("ix",), "zebre": ("zebre",), "inclinaison": ("inclinaison",)}


def test_candidates_share_the_first_letter_and_about_the_length():
    assert spelling.candidate_bounds("numerik") == ("n", 4, 10)
    assert spelling.candidate_bounds("ia") == ("i", 1, 5)
