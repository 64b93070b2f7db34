"""Where the engaged territories of the concertations territoriales de l'IA lie, as (longitude, latitude).

The territories the association's AI roadmap lists, each placed at its seat (the town hall or the
headquarters of the intercommunalité, the region's capital for a region, the main campus for a
university), in WGS 84 degrees rounded to about a hundred metres. The demo content reads them, so that
the map shows each territory where a reader expects it.
"""

KNOWN_PLACES: dict[str, tuple[float, float]] = {
    "Nantes Métropole": (-1.5536, 47.2184),
    "Montpellier Méditerranée Métropole": (3.8767, 43.6108),
    "Université de Rennes": (-1.6383, 48.1155),
    "Rennes Ville et Métropole": (-1.6778, 48.1173),
    "Toulouse Métropole": (1.4442, 43.6047),
    "Métropole Nice Côte d'Azur": (7.2620, 43.7102),
    "Tours Métropole Val de Loire": (0.6848, 47.3941),
    "Grand Nancy": (6.1844, 48.6921),
    "Angers Loire Métropole": (-0.5632, 47.4784),
    "Roannais Agglomération": (4.0714, 46.0342),
    "Lacq-Orthez": (-0.6253, 43.3806),
    "Sicoval": (1.5339, 43.5306),
    "Bordeaux Métropole": (-0.5792, 44.8378),
    "Quimperlé Communauté": (-3.5550, 47.8728),
    "Paris-Saclay": (2.1873, 48.6980),
    "Métropole Rouen Normandie": (1.0993, 49.4431),
    "Béthune-Bruay": (2.6397, 50.5303),
    "Grand Paris Sud Est Avenir": (2.4553, 48.7904),
    "Pays de Lorient et Quimperlé": (-3.3700, 47.7483),
    "Noisy-le-Grand": (2.5528, 48.8486),
    "Arras": (2.7772, 50.2910),
    "Pays du Coquelicot": (2.6500, 50.0017),
    "Cannes Pays de Lérins": (7.0128, 43.5528),
    "Martigues": (5.0547, 43.4053),
    "Ville de Paris": (2.3522, 48.8566),
    "Région Centre-Val de Loire": (1.9093, 47.9030),
    "Rezé": (-1.5669, 47.1833),
    "Métropole Européenne de Lille": (3.0573, 50.6292),
}
