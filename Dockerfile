FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 IAAR_VAR_DIR=/data/var
# WeasyPrint needs Pango; gettext compiles the translations; procps gives beat's health check pgrep.
RUN apt-get update && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fonts-dejavu-core gettext procps \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md ./
RUN pip install --no-cache-dir .
COPY . .
RUN DJANGO_SETTINGS_MODULE=iaar_qms.settings.base python manage.py collectstatic --noinput \
    && python manage.py compilemessages --ignore=.venv
RUN useradd --create-home iaar && mkdir -p /data/var /data/media && chown -R iaar /data
USER iaar
EXPOSE 8000
CMD ["gunicorn", "iaar_qms.wsgi:application", "--bind", "0.0.0.0:8000"]
