"""The programme's plain Django views: a référent's commitment, the team's verification, the open data."""

app_name = "consultations"

urlpatterns: list = []
