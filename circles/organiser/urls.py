app_name = "organiser"

urlpatterns = []
