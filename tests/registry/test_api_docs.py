"""The API docs page (/api/docs/): Swagger UI from our own static files, under our strict CSP."""

import re

from django.urls import reverse


def test_the_docs_page_and_everything_it_loads_are_served_by_us(client, db, settings):
    settings.WHITENOISE_USE_FINDERS = True  # serve the apps' static files without collectstatic
    response = client.get(reverse("api:docs"))
    assert response.status_code == 200
    html = response.content.decode()
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy and "unsafe" not in policy
    assert not re.search(r"<script(?![^>]*\bsrc=)", html), "no inline script"
    assert "<style" not in html and " style=" not in html, "no inline style"
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    # favicon, two style sheets, two Swagger UI scripts, the start-up script, the accessibility mends
    assert len(assets) == 7
    for url in assets:
        assert url.startswith("/"), url  # nothing from a CDN
        asset = client.get(url)
        assert asset.status_code == 200, url
        if asset.streaming:
            b"".join(asset.streaming_content)
    script = client.get(reverse("api:docs"), {"script": ""})
    assert script["Content-Type"].startswith("application/javascript")
    assert reverse("api:schema") in script.content.decode()
    assert (
        client.get(reverse("api:schema"), {"format": "json"}).json()["info"]["title"] == "IAAR registry API"
    )
