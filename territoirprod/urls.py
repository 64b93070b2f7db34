app_name = "territoirprod"

urlpatterns: list = []
