app_name = "justice"
urlpatterns = []
