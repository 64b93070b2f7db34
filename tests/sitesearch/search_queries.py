"""The French queries a visitor types on the demo site, each with the hit they expect first (its title).

Names of speakers, cities, organisations, themes, manifesto topics and
laureate projects, as typed: with typos, without accents, in the plural,
in lower case. `tests/sitesearch/test_search_quality.py` and
`benchmarks/search_quality.py` run them against the demo.
"""

QUERIES = [
    # speakers
    ("Lépine", "Maria Lépine"),
    ("maria lepine", "Maria Lépine"),
    ("Colucci", "Céline Colucci"),
    ("Yann Ferguson", "Yann Ferguson"),
    ("guillaume crepin", "Guillaume Crépin"),
    ("data scientist etalab", "Pierre-Etienne Devineau"),
    # cities
    ("Bordeaux", "Inclusion numérique à Bordeaux"),
    ("Lyon", "Intelligence artificielle à Lyon"),
    ("Rouen", "Cybersécurité à Rouen"),
    ("La Rochelle", "Numérique responsable à La Rochelle"),
    ("Chambéry", "Dans la peau de l'utilisateur"),
    ("Le Mans", "L'humain au cœur du numérique ?"),
    ("forum marseille", "Forum des Interconnectés 2024 à Marseille"),
    ("forum toulouse", "Forum des Interconnectés 2027 à Toulouse"),
    # organisations
    ("Nantes Métropole", "Nantes Métropole"),
    ("france urbaine", "France urbaine"),
    ("Tours Métropole", "Tours Métropole Val de Loire"),
    ("sicoval", "Communauté d'Agglomération du Sicoval"),
    # themes, with typos and without accents
    ("ilectronisme", "Agir face à l'urgence de l'illectronisme"),
    ("illectronisme", "Agir face à l'urgence de l'illectronisme"),
    ("numerik responsable", "Numérique responsable à Nancy"),
    ("strategie numerique responsable", "La stratégie numérique responsable des collectivités"),
    ("cybersecurite pau", "La cybersécurité, un enjeu de territoire !"),
    ("IA générative", "L'IA générative va-t-elle nous remplacer ?"),
    ("territoires connectés", "Territoires connectés et durables à Angers"),
    # manifestos
    ("territoires numériques responsables", "Pour des territoires numériques responsables"),
    ("manifeste intelligence artificielle", "Intelligence artificielle : les territoires s'engagent !"),
    ("manifestes", "Manifestes et prises de position"),
    # laureate projects, in the plural or without accents
    ("jumeaux numériques", "Un jumeau numérique pour l'éclairage public"),
    ("eclairage public", "Un jumeau numérique pour l'éclairage public"),
    ("budget participatif", "Budget participatif en ligne et hors ligne"),
    ("donnees de mobilite", "Ouvrir les données de mobilité"),
    ("consommation energetique des ecoles", "Piloter la consommation énergétique des écoles"),
    ("guichet unique", "Un guichet unique pour les démarches"),
    ("sobriete numerique", "Sobriété numérique des services"),
    # pages
    ("label territoire innovant", "Label « Territoire innovant » 2026"),
    ("startup interconnectee", "Label « Start-up interconnectée » 2026"),
    ("territoir'prod", "Territoir'Prod"),
    ("commission numerique", "La commission numérique"),
    ("accessibilité", "Déclaration d'accessibilité"),
]

THRESHOLD = 0.9  # at least 36 of the 40 queries put the expected hit first
