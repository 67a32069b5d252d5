app_name = "eligibility"
urlpatterns = []
