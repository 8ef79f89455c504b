"""The portal's mixed traffic for Locust (`make load`, `make soak`; see bench/README.md).

Seven visitors in ten are the public: the registry's list and a search, an organization's
page, a certificate checked by its number and the public API's certificates and reports.
Three in ten are staff, each signed in as a demo user through the real sign-in form (CSRF
token and all), reading the dashboard, the document register, the nonconformities and one
document's page.

The paths are plain functions of what the portal answers (the API's first certificates, the
register's first document), kept in bench/scenario.py: tests/test_load_scenario.py walks them
with the Django test client, so the scenario cannot rot.
"""

import itertools

from locust import HttpUser, between, task
from scenario import EXPECTED, LOGIN, PUBLIC_PATHS, STAFF, STAFF_PATHS, login_data, public_paths, staff_paths


class _Visitor(HttpUser):
    abstract = True
    wait_time = between(0.5, 2)
    paths: dict[str, str]

    def get(self, name: str, path: str):
        with self.client.get(path, name=name, catch_response=True) as response:
            if LOGIN in response.url and not path.startswith(LOGIN):
                response.failure(f"{path} sent the reader to the sign-in page")
            elif response.status_code in EXPECTED:
                response.success()
            else:
                response.failure(f"{response.status_code} from {path}")
            return response

    def visit(self, name: str) -> None:
        if name in self.paths:
            self.get(name, self.paths[name])


class PublicVisitor(_Visitor):
    weight = 7

    def on_start(self) -> None:
        response = self.get("API certificates", PUBLIC_PATHS["API certificates"])
        self.paths = public_paths(response.json() if response.status_code == 200 else {})

    @task(3)
    def registry_list(self) -> None:
        self.visit("registry list")

    @task(2)
    def registry_search(self) -> None:
        self.visit("registry search")

    @task(2)
    def organization(self) -> None:
        self.visit("organization page")

    @task(2)
    def certificate_check(self) -> None:
        self.visit("certificate check")

    @task(1)
    def api_certificates(self) -> None:
        self.visit("API certificates")

    @task(1)
    def api_reports(self) -> None:
        self.visit("API reports")


_usernames = itertools.cycle(STAFF)


class StaffMember(_Visitor):
    weight = 3

    def on_start(self) -> None:
        self.username = next(_usernames)
        form = self.get("sign-in form", LOGIN)
        with self.client.post(
            LOGIN,
            data=login_data(self.username, form.text),
            headers={"Referer": self.client.base_url + LOGIN},
            name="sign in",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code == 302:
                response.success()
            else:
                response.failure(f"sign-in as {self.username} answered {response.status_code}")
        register = self.get("document register", STAFF_PATHS["document register"])
        self.paths = staff_paths(register.text)

    @task(3)
    def dashboard(self) -> None:
        self.visit("dashboard")

    @task(3)
    def document_register(self) -> None:
        self.visit("document register")

    @task(2)
    def nonconformities(self) -> None:
        self.visit("nonconformities")

    @task(2)
    def document_page(self) -> None:
        self.visit("document page")
