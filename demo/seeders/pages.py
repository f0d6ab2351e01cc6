"""Helpers the page seeders share: pages written once and left alone when they match the data."""


def ensure_child_page(parent, page_class, data):
    """The parent's child page of this type, created (live) from data if it is missing."""
    page = page_class.objects.child_of(parent).first()
    if page is None:
        page = parent.add_child(instance=page_class(**data))
    return page


def is_published_as(page, fields: dict) -> bool:
    """Live, without unpublished changes, and with these values (the caller checks the rest)."""
    return (
        page.live
        and not page.has_unpublished_changes
        and all(getattr(page, name) == value for name, value in fields.items())
    )


def publish(page, fields: dict) -> None:
    """Set these values and publish the page as a new revision, as an editor's 'Publish' does."""
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


def by_slug(queryset, slugs, label) -> dict:
    """The objects with these slugs by slug; a clear error if an earlier seeder has not written some."""
    found = {obj.slug: obj for obj in queryset.filter(slug__in=slugs)}
    missing = sorted(set(slugs) - set(found))
    if missing:
        raise LookupError(f"Missing {label}: {', '.join(missing)}")
    return found


def stream_data(page_class, field_name, blocks) -> list:
    """The stored form of (block_type, value) tuples in this StreamField, without block ids."""
    stream_block = page_class._meta.get_field(field_name).stream_block
    return _without_ids(stream_block.get_prep_value(stream_block.normalize(blocks)))


def stream_data_of(stream_value) -> list:
    return _without_ids(stream_value.get_prep_value())


def _without_ids(data):
    if isinstance(data, list):
        return [_without_ids(item) for item in data]
    if isinstance(data, dict):
        return {key: _without_ids(value) for key, value in data.items() if key != "id"}
    return data
