from django.urls import path

app_name = "label"
urlpatterns = []
