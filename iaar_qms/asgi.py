import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iaar_qms.settings.production")

application = get_asgi_application()
