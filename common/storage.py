"""Storage for private files (certificate PDFs): kept outside MEDIA_ROOT and without a URL.

A private file reaches a person only through a view that checks who asks (for example
``certificates.views.my_pdf``). Neither the development server's /media/ nor a web server
in front of production can serve it, because it is not under MEDIA_ROOT and asking the
storage for a URL is an error, so no template can link it by accident.
"""

from django.core.files.storage import FileSystemStorage, InMemoryStorage, storages


class NoURLMixin:
    def url(self, name):
        raise ValueError(f"{name} is a private file: serve it through a view that checks permissions")


class PrivateFileSystemStorage(NoURLMixin, FileSystemStorage):
    pass


class PrivateInMemoryStorage(NoURLMixin, InMemoryStorage):
    """For tests."""


def private_storage():
    """The ``private`` storage of settings.STORAGES (a callable, so migrations keep no path)."""
    return storages["private"]
