"""The folding, terms, excerpts and highlighting of the site search, on hand-made examples."""

from sitesearch import text


def test_fold_removes_accents_capitals_and_ligatures():
    assert text.fold("Œuvre ÉLECTRONIQUE à Lépine") == "oeuvre electronique a lepine"


def test_stem_reduces_french_plurals_both_ways():
    assert [text.stem(word) for word in ("reseaux", "reseau", "territoriaux", "territorial", "collectivites",
                                          "collectivite", "bus", "ias", "bordeaux", "process")] == [
        "reseau", "reseau", "territorial", "territorial", "collectivite", "collectivite", "bus", "ias", "bordeau",
        "process"]


def test_indexed_form_puts_every_term_between_spaces():
    assert text.indexed("L'illectronisme des Start-up", "Numériques") == \
        " l illectronisme des start up startup numerique "


def test_query_words_drop_small_words_and_duplicates():
    assert text.query_words("le Numérique des territoires et LE numerique") == [
        ("Numérique", "numerique"), ("territoires", "territoire")]
    assert text.query_terms("de la") == ["de", "la"]  # nothing but small words: searched as they are
    assert text.query_terms("start-up") == ["start", "up"]
    assert len(text.query_terms(" ".join(f"mot{number}" for number in range(20)))) == text.MAX_QUERY_TERMS


def test_query_words_survive_punctuation_and_operators():
    assert text.query_terms('"*)(OR NOT') == ["or", "not"]
    assert text.query_terms("🦆 -- ;") == []


def test_highlight_marks_matching_words_and_escapes_everything_else():
    marked = text.highlight("<b>Numériques</b> & sobres", {"numerique"})
    assert marked == "&lt;b&gt;<mark>Numériques</mark>&lt;/b&gt; &amp; sobres"


def test_highlight_matches_the_start_of_words_only():
    assert text.highlight("Une IA frugale, via Paris", {"ia"}) == "Une <mark>IA</mark> frugale, via Paris"


def test_excerpt_is_cut_around_the_first_match_on_word_boundaries():
    body = " ".join(f"mot{number}" for number in range(60)) + " illectronisme " + " ".join(["fin"] * 60)
    cut = text.excerpt(body, {"illectronisme"}, length=60)
    assert cut.startswith("…") and cut.endswith("…")
    assert "illectronisme" in cut and len(cut) <= 62
    assert not cut[1:].startswith("ot")  # never half a word


def test_short_text_is_its_own_excerpt():
    assert text.excerpt("  Un   texte court. ", {"x"}) == "Un texte court."
