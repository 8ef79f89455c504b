"""Settings with safe local defaults: SQLite, a file-system Celery broker, console e-mail.

Every value can be overridden from the environment (see .env.example). ``production.py``
builds on this module and demands real secrets; ``test.py`` makes tests fast and isolated.
"""

from pathlib import Path

import structlog
from django.utils.translation import gettext_lazy as _

from .environment import env, env_bool, env_secret

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env.str("IAAR_VAR_DIR", default=str(BASE_DIR / "var")))

environ_file = BASE_DIR / ".env"
if environ_file.exists():
    env.read_env(str(environ_file))

# ---------------------------------------------------------------------------------------
# Core
# ---------------------------------------------------------------------------------------
DEBUG = env_bool("DEBUG", default=True)
SECRET_KEY = env_secret("SECRET_KEY", default="insecure-local-development-key-change-me")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",  # trigram lookups for the registry's search (used only on PostgreSQL)
    "django.contrib.sitemaps",
    "guardian",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",  # the one-time backup codes
    "django_htmx",
    "django_celery_beat",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI served from our own static files
    "core",
    "documents",
    "accreditation",
    "registry",
    "audits",
    "surveys",
    "improvement",
    "governance",  # the strategy and its plans (§4.3–4.4)
    "people",  # positions, training and the code of ethics (§4.5.1, §5.2)
    "reporting",  # the management review, KPIs and the quality board: reads the apps above
    "demo",  # last: it imports every app above, none imports it
    "django_structlog",
    "django_prometheus",
]

MIDDLEWARE = [
    # Request counts and durations for /metrics: the outermost pair.
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    # The client's address from a trusted proxy only, for everything after it.
    "core.middleware.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.middleware.IdleTimeoutMiddleware",
    # Until the second factor is verified, only its own pages (core.second_factor).
    "core.second_factor.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # A request id (new for every request) bound
    # to every log line of the request and carried into the Celery tasks it queues.
    "django_structlog.middlewares.RequestMiddleware",
    # Axes last but one: it must see the authenticated user and the login attempt.
    "axes.middleware.AxesMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "iaar_qms.urls"
WSGI_APPLICATION = "iaar_qms.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.portal",
            ],
        },
    },
]

# ---------------------------------------------------------------------------------------
# Database: SQLite file by default, PostgreSQL when DATABASE_URL says so
# ---------------------------------------------------------------------------------------
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Web, worker and beat share one file: wait for a lock instead of failing at once.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault("timeout", 20)
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
    DATABASES["default"]["OPTIONS"].setdefault(
        "init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# ---------------------------------------------------------------------------------------
# Cache: a file cache shared by local processes; Redis when CACHE_URL says so
# ---------------------------------------------------------------------------------------
CACHES = {"default": env.cache("CACHE_URL", default=f"filecache://{VAR_DIR / 'cache'}")}

# ---------------------------------------------------------------------------------------
# Authentication, roles, lockout
# ---------------------------------------------------------------------------------------
AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "core:dashboard"
LOGOUT_REDIRECT_URL = "core:home"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
    "demo.hashers.DemoPasswordHasher",  # demo accounts only; upgraded at first sign-in
]
# ASVS L2: at least 12 characters, not a common password, not the person's names or the agency's.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "core.passwords.NotNamesValidator"},
]
ANONYMOUS_USER_NAME = None  # guardian: the public never holds object rights
GUARDIAN_RAISE_403 = False

AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.5)  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# REMOTE_ADDR is the client's address: core.middleware.TrustedProxyMiddleware has read it from
# the trusted proxy's header (and ignored that header from anyone else).
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]
# Wrong signing passwords in a row (per person and per address) before signing locks, and for how long.
# The class of the file nomenclature (its code) every new accreditation file is filed under.
IAAR_ACCREDITATION_RECORD_CLASS = env.str("IAAR_ACCREDITATION_RECORD_CLASS", default="06-01")
IAAR_SIGNING_FAILURE_LIMIT = env.int("IAAR_SIGNING_FAILURE_LIMIT", default=5)
IAAR_SIGNING_COOLOFF_MINUTES = env.int("IAAR_SIGNING_COOLOFF_MINUTES", default=30)
# The TLS proxies whose X-Forwarded-For is believed (addresses or networks), and that header.
IAAR_TRUSTED_PROXIES = env.list("IAAR_TRUSTED_PROXIES", default=[])
IAAR_CLIENT_IP_HEADER = env.str("IAAR_CLIENT_IP_HEADER", default="HTTP_X_FORWARDED_FOR")
# A signed-in session ends after this many minutes without a request (0: never), on top of
# SESSION_COOKIE_AGE; pages warn before.
IAAR_IDLE_TIMEOUT_MINUTES = env.int("IAAR_IDLE_TIMEOUT_MINUTES", default=30)
# The second factor (TOTP, core.second_factor): people holding one of these roles must enrol and
# verify it before any staff page ("admin" stands for superusers). Empty in development and the
# demo; production: "director,admin". Anyone else may enrol from their profile.
IAAR_OTP_REQUIRED_ROLES = env.list("IAAR_OTP_REQUIRED_ROLES", default=[])
# Wrong codes in a row before the second step is locked for the cool-off.
IAAR_OTP_FAILURE_LIMIT = env.int("IAAR_OTP_FAILURE_LIMIT", default=5)
IAAR_OTP_COOLOFF_MINUTES = env.int("IAAR_OTP_COOLOFF_MINUTES", default=15)
OTP_TOTP_ISSUER = "IAAR QMS"

SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=60 * 60 * 8)
SESSION_COOKIE_HTTPONLY = True

# ---------------------------------------------------------------------------------------
# Languages: Russian, Kazakh, Kyrgyz, English
# ---------------------------------------------------------------------------------------
LANGUAGE_CODE = env.str("LANGUAGE_CODE", default="ru")
LANGUAGES = [
    ("ru", _("Russian")),
    ("kk", _("Kazakh")),
    ("ky", _("Kyrgyz")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Our own date formats: Kazakh ones (Django has none), and ISO first among the input formats
# so a prefilled date picker shows its date in every language.
FORMAT_MODULE_PATH = ["iaar_qms.formats"]
TIME_ZONE = env.str("TIME_ZONE", default="Asia/Almaty")
USE_I18N = True
USE_TZ = True

# ---------------------------------------------------------------------------------------
# Static and media files
# ---------------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
# Stored files are served by their access-checked views only (core.file_responses); behind a
# proxy that sends files itself: "x-accel-redirect" (nginx, an internal location at the
# prefix) or "x-sendfile".
IAAR_FILE_SENDER = env.str("IAAR_FILE_SENDER", default="")
IAAR_FILE_ACCEL_PREFIX = env.str("IAAR_FILE_ACCEL_PREFIX", default="/protected/")

AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    # Any S3-compatible store (AWS, MinIO, Ceph): uploads stay private, links are signed.
    AWS_S3_ENDPOINT_URL = env.str("AWS_S3_ENDPOINT_URL", default=None)
    AWS_S3_REGION_NAME = env.str("AWS_S3_REGION_NAME", default=None)
    AWS_ACCESS_KEY_ID = env_secret("AWS_ACCESS_KEY_ID")
    AWS_SECRET_ACCESS_KEY = env_secret("AWS_SECRET_ACCESS_KEY")
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = True
    AWS_S3_FILE_OVERWRITE = False
    _media_storage = {"BACKEND": "storages.backends.s3.S3Storage"}
else:
    _media_storage = {"BACKEND": "core.storage.SafeFileSystemStorage"}
STORAGES = {
    "default": _media_storage,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# ---------------------------------------------------------------------------------------
# E-mail: printed to the console unless EMAIL_URL names a server
# ---------------------------------------------------------------------------------------
_email = env.email_url("EMAIL_URL", default="consolemail://")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email.get("EMAIL_HOST", "")
EMAIL_PORT = _email.get("EMAIL_PORT", 25)
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_secret("EMAIL_HOST_PASSWORD", default=_email.get("EMAIL_HOST_PASSWORD", ""))
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
EMAIL_FILE_PATH = env.str("EMAIL_FILE_PATH", default=str(VAR_DIR / "mail"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="IAAR QMS <qms@iaar.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_SUBJECT_PREFIX = "[IAAR QMS] "

# ---------------------------------------------------------------------------------------
# Celery: a broker that needs no server by default, Redis when CELERY_BROKER_URL says so
# ---------------------------------------------------------------------------------------
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="filesystem://")
# Sending side: one quick retry (kombu's default is three, 2 s in all) before a task that
# cannot be queued goes to the outbox (core.outbox).
_SEND_RETRY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}
if CELERY_BROKER_URL.startswith("filesystem://"):
    _queue_dir = VAR_DIR / "celery"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue_dir / "queue"),
        "data_folder_out": str(_queue_dir / "queue"),
        "control_folder": str(_queue_dir / "control"),
        "store_processed": False,
        **_SEND_RETRY,
    }
    for _folder in ("queue", "control"):
        (_queue_dir / _folder).mkdir(parents=True, exist_ok=True)
else:
    # Redis: an unacknowledged task (acks_late) is redelivered after visibility_timeout;
    # kombu's default is 3,600 s (a killed worker's task came back after 61.5 min).
    # It must exceed the hard time limit so a running task is never handed out twice.
    # A broker that cannot be reached fails fast (2 s), so a request that queues a task
    # keeps it in the outbox (core.outbox) rather than hanging.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": env.int("IAAR_VISIBILITY_TIMEOUT", default=300),
        # Each worker looks for such tasks every 10 s; kombu's default looks only every tenth
        # time (100 s), which measured 105 s after a kill with a 10 s visibility_timeout.
        "unacked_restore_interval": 10,
        "unacked_restore_throttle": 1,
        "socket_connect_timeout": 2,
        "socket_timeout": 5,
        **_SEND_RETRY,
    }
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TASK_IGNORE_RESULT = True
# Tasks are idempotent, so a task whose worker died is safely run again.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 120
CELERY_TASK_SOFT_TIME_LIMIT = 100
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# Declared here, copied into the database by beat, editable by an admin afterwards.
from celery.schedules import crontab  # noqa: E402

CELERY_BEAT_SCHEDULE = {
    # Every five minutes: proves the worker and beat are alive (shown by /healthz).
    "core-heartbeat": {"task": "core.tasks.heartbeat", "schedule": 300.0},
    # Every minute: tasks kept while the broker was down are queued again (core.outbox).
    "core-flush-outbox": {"task": "core.tasks.flush_outbox", "schedule": 60.0},
    # Every morning at 07:00: one e-mail per person listing what is overdue on their dashboard.
    "core-daily-digest": {"task": "core.tasks.send_daily_digests", "schedule": crontab(hour=7, minute=0)},
    # Just after midnight: approved document versions whose effective date has come take effect.
    "documents-activate": {
        "task": "documents.tasks.activate_due_versions",
        "schedule": crontab(hour=0, minute=5),
    },
    # 08:00: owners are reminded 30, 7 and 0 days before a periodic review, and when overdue.
    "documents-review-reminders": {
        "task": "documents.tasks.remind_periodic_reviews",
        "schedule": crontab(hour=8, minute=0),
    },
    # 09:00: people late to acknowledge an effective version are reminded (once a day).
    "documents-ack-reminders": {
        "task": "documents.tasks.remind_acknowledgements",
        "schedule": crontab(hour=9, minute=0),
    },
}

# ---------------------------------------------------------------------------------------
# Security headers that are safe everywhere; production.py tightens the rest
# ---------------------------------------------------------------------------------------
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
    },
}

# ---------------------------------------------------------------------------------------
# Logging: one JSON object per line on stderr (LOG_FORMAT=plain for people reading a
# terminal), each with the request id and the user; processes are supervised, not daemonized
# ---------------------------------------------------------------------------------------
LOG_FORMAT = env.str("LOG_FORMAT", default="json")
_PRE_CHAIN = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_logger_name,
    structlog.stdlib.add_log_level,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
]
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": structlog.stdlib.ProcessorFormatter,
            "processor": structlog.processors.JSONRenderer(ensure_ascii=False),
            "foreign_pre_chain": _PRE_CHAIN,
        },
        "plain": {
            "()": structlog.stdlib.ProcessorFormatter,
            "processor": structlog.dev.ConsoleRenderer(colors=False),
            "foreign_pre_chain": _PRE_CHAIN,
        },
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        "celery.app.trace": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
structlog.configure(
    processors=[
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.filter_by_level,
        structlog.stdlib.add_logger_name,
        structlog.stdlib.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.format_exc_info,
        structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
    ],
    logger_factory=structlog.stdlib.LoggerFactory(),
    cache_logger_on_first_use=True,
)
DJANGO_STRUCTLOG_CELERY_ENABLED = True
# The worker logs through LOGGING above, not Celery's own root handler.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
DJANGO_STRUCTLOG_IP_LOGGING_ENABLED = True
# Scrapers of /metrics present this token (Authorization: Bearer …); without one only
# administrators signed in see it. Under several gunicorn workers set PROMETHEUS_MULTIPROC_DIR.
IAAR_METRICS_TOKEN = env.str("IAAR_METRICS_TOKEN", default="")

CELERY_BEAT_SCHEDULE["accreditation-reminders"] = {
    # 08:30: stage deadlines, monitoring tasks due, certificates expiring in 12/6/3 months.
    "task": "accreditation.tasks.send_accreditation_reminders",
    "schedule": crontab(hour=8, minute=30),
}
CELERY_BEAT_SCHEDULE["improvement-escalate-actions"] = {
    # 08:15: overdue actions are reminded to their owner, then escalated to the IQAS owner.
    "task": "improvement.tasks.escalate_overdue_actions",
    "schedule": crontab(hour=8, minute=15),
}
CELERY_BEAT_SCHEDULE["documents-external-checks"] = {
    # 07:40: owners of external documents are reminded once when a check for a new edition is due.
    "task": "documents.tasks.remind_external_checks",
    "schedule": crontab(hour=7, minute=40),
}
CELERY_BEAT_SCHEDULE["documents-disposal-list"] = {
    # 05:30 on the 1st: the records whose retention ended are listed for the records owner.
    "task": "documents.tasks.list_due_for_disposal",
    "schedule": crontab(day_of_month=1, hour=5, minute=30),
}
CELERY_BEAT_SCHEDULE["governance-escalate-plan-items"] = {
    # 08:20: plan items more than 14 days overdue are escalated to the IQAS owner, once each.
    "task": "governance.tasks.escalate_overdue_plan_items",
    "schedule": crontab(hour=8, minute=20),
}
CELERY_BEAT_SCHEDULE["governance-remind-agency-reviews"] = {
    # 08:35: the IQAS owner hears once of a follow-up report due in 60 days and a review in a year.
    "task": "governance.tasks.remind_agency_reviews",
    "schedule": crontab(hour=8, minute=35),
}
CELERY_BEAT_SCHEDULE["people-remind-retraining"] = {
    # 08:40: a certificate expiring within IAAR_RETRAINING_REMIND_DAYS: its holder hears, once.
    "task": "people.tasks.remind_retraining",
    "schedule": crontab(hour=8, minute=40),
}
CELERY_BEAT_SCHEDULE["governance-remind-terms-ending"] = {
    # 08:25: a body's secretary hears of each member's term ending within 60 days, once a seat.
    "task": "governance.tasks.remind_terms_ending",
    "schedule": crontab(hour=8, minute=25),
}
# The reporting part (reporting/tasks.py) keeps its tasks' improvement.tasks.* names.
# 06:00 on the 1st: last month's KPI report, stored and e-mailed to the director and IQAS owner.
CELERY_BEAT_SCHEDULE["improvement-kpi-report-monthly"] = {
    "task": "improvement.tasks.make_monthly_kpi_report",
    "schedule": crontab(day_of_month=1, hour=6, minute=0),
}
# 06:00 on 15 January: last year's KPI report (late entries of December are in by then).
CELERY_BEAT_SCHEDULE["improvement-kpi-report-yearly"] = {
    "task": "improvement.tasks.make_yearly_kpi_report",
    "schedule": crontab(month_of_year=1, day_of_month=15, hour=6, minute=0),
}
# 08:20: the IQAS owner is reminded a month before a planned management review.
CELERY_BEAT_SCHEDULE["improvement-review-reminders"] = {
    "task": "improvement.tasks.remind_management_reviews",
    "schedule": crontab(hour=8, minute=20),
}

# 00:20: survey campaigns whose closing date has passed stop taking answers.
CELERY_BEAT_SCHEDULE["surveys-close-due"] = {
    "task": "surveys.tasks.close_due_campaigns",
    "schedule": crontab(hour=0, minute=20),
}
# 09:30: people who have not answered a survey are reminded once, a few days before it closes.
CELERY_BEAT_SCHEDULE["surveys-remind"] = {
    "task": "surveys.tasks.remind_invitations",
    "schedule": crontab(hour=9, minute=30),
}
# Surveys (§4.2, §7.2.1): days the post-visit surveys stay open, and how many days before the
# closing date those who have not answered are reminded (once).
IAAR_SURVEY_ANSWER_DAYS = env.int("IAAR_SURVEY_ANSWER_DAYS", default=21)
# Off only while the demo is seeded (it brings its own survey history).
IAAR_SURVEY_DISPATCH = True
IAAR_SURVEY_REMIND_DAYS_BEFORE = env.int("IAAR_SURVEY_REMIND_DAYS_BEFORE", default=5)
# Anonymous surveys: a group (campaign, year, organization, filter) with fewer answers than this
# shows no figures on any page, PDF or export; the public site applies it to every survey.
IAAR_SURVEY_MIN_GROUP = env.int("IAAR_SURVEY_MIN_GROUP", default=5)
# Answers through one public survey link per visitor address and hour: generous, because a
# class answering during a visit shares the university's address; it stops scripted stuffing.
IAAR_SURVEY_ANSWERS_PER_HOUR = env.int("IAAR_SURVEY_ANSWERS_PER_HOUR", default=300)

# Accreditation (§5.2, §6): conflict-of-interest look-back, council quorum, appeal term.
IAAR_CONFLICT_LOOKBACK_YEARS = env.int("IAAR_CONFLICT_LOOKBACK_YEARS", default=3)
# A training certificate expiring within this many days: its holder is reminded to re-train, once.
IAAR_RETRAINING_REMIND_DAYS = env.int("IAAR_RETRAINING_REMIND_DAYS", default=60)
IAAR_COUNCIL_QUORUM = env.float("IAAR_COUNCIL_QUORUM", default=2 / 3)
IAAR_APPEAL_ANSWER_DAYS = env.int("IAAR_APPEAL_ANSWER_DAYS", default=30)
# Certificate checks per visitor address and minute on the public registry (anti-enumeration).
IAAR_VERIFY_LIMIT_PER_MINUTE = env.int("IAAR_VERIFY_LIMIT_PER_MINUTE", default=30)
# Risks (§7.5.3): the size of the likelihood × impact matrix, and the score from which a risk
# is medium, then high (of size × size).
IAAR_RISK_MATRIX_SIZE = env.int("IAAR_RISK_MATRIX_SIZE", default=5)
IAAR_RISK_MEDIUM_FROM = env.int("IAAR_RISK_MEDIUM_FROM", default=5)
IAAR_RISK_HIGH_FROM = env.int("IAAR_RISK_HIGH_FROM", default=12)
# Actions (§7.5.2–7.5.3): an overdue action is reminded to its owner, then escalated to the
# IQAS owner this many days after the reminder if it is still open.
IAAR_ACTION_ESCALATE_AFTER_DAYS = env.int("IAAR_ACTION_ESCALATE_AFTER_DAYS", default=7)
# How long a rendered registry page part is kept for anonymous visitors. Every publication,
# suspension, revocation or change of a name starts a new generation at once, so this only
# bounds the memory the cache holds.
# PDFs signed with the agency's key (PAdES): PEM files; the demo's are made by `manage.py signing_key`.
IAAR_SIGNING_KEY_FILE = env.str("IAAR_SIGNING_KEY_FILE", default=str(VAR_DIR / "signing" / "agency-key.pem"))
IAAR_SIGNING_CERT_FILE = env.str(
    "IAAR_SIGNING_CERT_FILE", default=str(VAR_DIR / "signing" / "agency-cert.pem")
)
IAAR_SIGNING_KEY_PASSPHRASE = env.str("IAAR_SIGNING_KEY_PASSPHRASE", default="")
IAAR_SIGNING_LOCATION = env.str("IAAR_SIGNING_LOCATION", default="Astana, Kazakhstan")
IAAR_TSA_URL = env.str("IAAR_TSA_URL", default="")  # an RFC 3161 timestamp authority, when there is one
IAAR_REGISTRY_CACHE_SECONDS = env.int("IAAR_REGISTRY_CACHE_SECONDS", default=3600)
IAAR_EDUCATION_AUTHORITY_EMAIL = env.str("IAAR_EDUCATION_AUTHORITY_EMAIL", default="")
IAAR_EDUCATION_AUTHORITY_NAME = env.str(
    "IAAR_EDUCATION_AUTHORITY_NAME", default="Ministry of Science and Higher Education"
)

# The open registry API (/api/v1/): read-only, no authentication, page by page.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "IAAR registry API",
    "DESCRIPTION": "Accreditations granted by IAAR, in DEQAR's vocabulary: institutions, "
    "programmes, reports (decisions) and certificates. Read-only, no authentication.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # The docs page (/api/docs/) loads Swagger UI from our static files, never from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # No badge fetched from validator.swagger.io: nothing leaves the site.
    # No deep links: Swagger UI puts them inside the operation's button (nested controls, axe).
    "SWAGGER_UI_SETTINGS": {"deepLinking": False, "validatorUrl": None},
}
# ?format=csv / ?format=xlsx on the API's lists: the whole filtered list in one file, up to this.
IAAR_EXPORT_MAX_ROWS = env.int("IAAR_EXPORT_MAX_ROWS", default=100_000)

# Page sizes for every list in the portal.
PAGINATE_BY = 25
DOCUMENT_MAX_UPLOAD_BYTES = env.int("DOCUMENT_MAX_UPLOAD_BYTES", default=25 * 1024 * 1024)

# History keeps the whole reason a person gave (a comment can be long), not its first 100 characters.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# DEQAR (EQAR's database of external QA results): how IAAR is known there, and the optional
# submission endpoint each newly published report is posted to (nothing is sent when empty).
DEQAR_AGENCY = env("DEQAR_AGENCY", default="IAAR")
DEQAR_AGENCY_ID = env.int("DEQAR_AGENCY_ID", default=None)
DEQAR_BASE_COUNTRY = env("DEQAR_BASE_COUNTRY", default="KZ")
DEQAR_SUBMISSION_URL = env("DEQAR_SUBMISSION_URL", default="")
DEQAR_SUBMISSION_TOKEN = env("DEQAR_SUBMISSION_TOKEN", default="")
