from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


def chosen_language(request) -> str | None:
    """The language the switch chose (the cookie), if it is one the site has; else None.

    Also read by the page cache (cms.pagecache) before the session and user are known."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    return chosen if chosen in dict(settings.LANGUAGES) else None


class LanguageMiddleware:
    """Dutch unless someone chose otherwise: the language switch (a cookie) first, then a
    signed-in person's preferred language, then LANGUAGE_CODE.

    Unlike Django's LocaleMiddleware it ignores the browser's Accept-Language: the content
    of the site is Dutch, and an English interface around Dutch pages helps nobody who did
    not ask for it. Must come after AuthenticationMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = dict(settings.LANGUAGES)

    def choose(self, request) -> str:
        chosen = chosen_language(request)
        if chosen:
            return chosen
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.preferred_language in self.supported:
            return user.preferred_language
        return settings.LANGUAGE_CODE

    def __call__(self, request):
        language = self.choose(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response
