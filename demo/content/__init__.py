"""The demo world as plain data, one module per area; `demo.seeders` writes it.

Facts come from the domain sources in ../shared/domain/ (the leerkring projectondersteuners, the
Zoetermeer assignment, 'PMO versus de secretaresse', the article on project management support and the
Rijk's future view of the management supporter); every text is our own."""
