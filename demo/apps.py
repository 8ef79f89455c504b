from django.apps import AppConfig


class DemoConfig(AppConfig):
    """No models: the demo's commands and its story, told through the other apps' services."""

    name = "demo"
