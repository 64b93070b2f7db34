"""Settings built from environment variables for a deployment of several app servers.

Plain functions of a mapping (os.environ in the settings, a dict in the
tests), so that every combination can be checked without starting Django.
They refuse an incomplete configuration loudly: a half-configured purge or
bucket would fail silently at the worst moment (a publication, an upload).
"""

from email.utils import getaddresses
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

FRONTEND_CACHE_BACKENDS = {
    "cloudflare": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
    "cloudfront": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
    "http": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
}


def _required(environ, name, why):
    value = environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"La variable d'environnement {name} est obligatoire {why}.")
    return value


def admins(environ) -> list[tuple[str, str]]:
    """ADMINS from `ADMINS` ("Équipe technique <technique@example.org>, alex@example.org"): who gets the errors."""
    value = environ.get("ADMINS", "").strip()
    people = getaddresses([value]) if value else []
    if any("@" not in address for _name, address in people):
        raise ImproperlyConfigured("ADMINS doit lister des adresses e-mail séparées par des virgules.")
    return [(name or address, address) for name, address in people]


def cache_settings(environ) -> dict:
    """Redis when REDIS_URL is set (shared by every app server), else memory of the process."""
    redis_url = environ.get("REDIS_URL", "").strip()
    if redis_url:
        return {
            "default": {
                "BACKEND": "interconnectes.resilient_cache.ResilientRedisCache",
                "LOCATION": redis_url,
                "KEY_PREFIX": environ.get("CACHE_KEY_PREFIX", "interconnectes"),
                # A cache outage must slow pages down, not hang them.
                "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
            }
        }
    return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "interconnectes"}}


def frontend_cache_settings(environ) -> dict | None:
    """WAGTAILFRONTENDCACHE from FRONTEND_CACHE_BACKEND and its variables; None (no purge) when unset."""
    kind = environ.get("FRONTEND_CACHE_BACKEND", "").strip().lower()
    if not kind:
        return None
    if kind not in FRONTEND_CACHE_BACKENDS:
        choices = ", ".join(sorted(FRONTEND_CACHE_BACKENDS))
        raise ImproperlyConfigured(f"FRONTEND_CACHE_BACKEND doit valoir l'une de ces valeurs : {choices}.")
    why = f"avec FRONTEND_CACHE_BACKEND={kind}"
    config: dict[str, str | list[str]] = {"BACKEND": FRONTEND_CACHE_BACKENDS[kind]}
    if kind == "cloudflare":
        config["ZONEID"] = _required(environ, "FRONTEND_CACHE_CLOUDFLARE_ZONEID", why)
        config["BEARER_TOKEN"] = _required(environ, "FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN", why)
    elif kind == "cloudfront":
        config["DISTRIBUTION_ID"] = _required(environ, "FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID", why)
        # Credentials: boto3's own variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) or the instance role.
    else:
        location = _required(environ, "FRONTEND_CACHE_HTTP_LOCATION", why)
        if urlsplit(location).scheme not in {"http", "https"}:
            raise ImproperlyConfigured("FRONTEND_CACHE_HTTP_LOCATION doit être une adresse http(s)://…")
        config["LOCATION"] = location
    hostnames = [item.strip() for item in environ.get("FRONTEND_CACHE_HOSTNAMES", "").split(",") if item.strip()]
    if hostnames:
        config["HOSTNAMES"] = hostnames
    return {"default": config}


def s3_options(environ, bucket: str) -> dict:
    """Options of a django-storages S3Storage on `bucket`, shared by the public and the private bucket.

    Keys come from boto3's own variables (AWS_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY) or the host's role, never from the settings. With
    an S3-compatible provider (AWS_S3_ENDPOINT_URL), URLs are path-style
    (https://endpoint/bucket/key), which every provider serves.
    """
    options = {"bucket_name": bucket, "file_overwrite": False}
    endpoint = environ.get("AWS_S3_ENDPOINT_URL", "").strip()
    if endpoint:
        options["endpoint_url"] = endpoint
        options["addressing_style"] = "path"
    region = environ.get("AWS_S3_REGION_NAME", "").strip()
    if region:
        options["region_name"] = region
    return options


def public_media_options(environ) -> dict | None:
    """The public media bucket (images, renditions, documents), or None to keep MEDIA_ROOT on disk."""
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if not bucket:
        return None
    options = {
        **s3_options(environ, bucket),
        # Public files have stable, unique names: plain URLs, cached a day by browsers and CDNs.
        "querystring_auth": False,
        "object_parameters": {"CacheControl": "public, max-age=86400"},
        # AWS buckets created since 2023 refuse ACLs: let the bucket policy make objects readable unless told.
        "default_acl": environ.get("AWS_DEFAULT_ACL", "").strip() or None,
    }
    custom_domain = environ.get("AWS_S3_CUSTOM_DOMAIN", "").strip()
    if custom_domain:
        options["custom_domain"] = custom_domain
    return options


def private_media_options(environ) -> dict | None:
    """The private bucket of applications' attachments, or None to keep them in PRIVATE_MEDIA_ROOT.

    It must differ from the public bucket: attachments are only ever streamed
    by the view that checks permissions (labels/views/applications.py).
    Media on S3 with attachments on one server's disk would lose files as soon
    as there are two app servers, so that half-way set-up is refused.
    """
    bucket = environ.get("AWS_PRIVATE_STORAGE_BUCKET_NAME", "").strip()
    public_bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if not bucket:
        if public_bucket:
            raise ImproperlyConfigured(
                "AWS_PRIVATE_STORAGE_BUCKET_NAME est obligatoire quand les médias sont sur S3 "
                "(AWS_STORAGE_BUCKET_NAME) : les pièces jointes des candidatures doivent être partagées "
                "par tous les serveurs."
            )
        return None
    if bucket == public_bucket:
        raise ImproperlyConfigured("Le bucket privé des pièces jointes doit être distinct du bucket public des médias.")
    return s3_options(environ, bucket)


def media_origin(options: dict) -> str:
    """The origin public media URLs point to, for the img-src of the Content-Security-Policy."""
    if options.get("custom_domain"):
        return f"https://{options['custom_domain']}"
    if options.get("endpoint_url"):
        parts = urlsplit(options["endpoint_url"])
        return f"{parts.scheme}://{parts.netloc}"
    # AWS itself: boto3 builds virtual-hosted URLs on the global name, whatever the region.
    return f"https://{options['bucket_name']}.s3.amazonaws.com"
