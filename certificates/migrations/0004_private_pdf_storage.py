from django.core.files.storage import storages
from django.db import migrations, models

import common.storage


def move_pdfs_out_of_media(apps, schema_editor):
    """PDFs rendered before this migration lie in the public media folder: move each into
    the private storage, under the same name, and remove the public copy."""
    Certificate = apps.get_model("certificates", "Certificate")
    public, private = storages["default"], storages["private"]
    for name in Certificate.objects.exclude(pdf="").values_list("pdf", flat=True).iterator():
        if not public.exists(name):
            continue
        if not private.exists(name):
            with public.open(name, "rb") as handle:
                private.save(name, handle)
        public.delete(name)


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0003_backfill_holder_organisation"),
    ]

    operations = [
        migrations.AlterField(
            model_name="certificate",
            name="pdf",
            field=models.FileField(
                blank=True, storage=common.storage.private_storage, upload_to="certificates/%Y/", verbose_name="PDF"
            ),
        ),
        migrations.RunPython(move_pdfs_out_of_media, migrations.RunPython.noop),
    ]
