"""The demo world of `make run`: `manage.py seed_demo`, refused by production settings.

- `content/`: what the world holds, as plain Python data, one module per area, and the learners'
  histories as timelines (`content/histories.py`).
- `seeders/`: writes it. Pages and snippets are made with the Wagtail and model API, as an editor
  makes them; everything a person does (memberships, career steps, assignments, enrolments, modules,
  self-assessments, plans, certificates) goes through the services of the apps, so the demo obeys the
  rules real data obeys.

Why Python data and not YAML or JSON: the content needs comments that tell the story (why Anna's
attempt is shared, why Bram's request waits), dates, and the apps' own choice constants; ruff formats
and checks it, a typo in a name fails on import, and no loader or extra dependency is needed. Only
the seeders import it, and nothing in the apps below imports `demo`."""
