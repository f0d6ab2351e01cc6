from tests.sso.oidc import start_oidc_provider  # noqa: F401 - the fixture, for every test here
