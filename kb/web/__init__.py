"""kb's web page: search, release pages, a draft check and the JSON API over the application layer (kb.app).

`create_app(settings)` makes the Flask application (factory.py), whose routes (routes.py) ask
kb.app through `Answers` (answers.py) and render Jinja templates (templates/) with the page's
own CSS and script (static/); text from the corpus is made safe to show by text.py.
`serve(...)` runs it with Werkzeug's threaded server for `kb serve` (server.py).
Flask is imported only here, so the other commands start without it.
"""
from .factory import create_app
from .server import serve

__all__ = ["create_app", "serve"]
