"""French spacing (`capacite/lib/typography.py`) on the biggest pages of the demo.

    .venv/bin/python bench/typography.py [VAR_DIR]

Builds the demo in VAR_DIR (a new temporary folder by default; an existing one is reused),
follows the links three accounts are shown (up to 400 pages each, as written before the
middleware spaces them), and times `french_spacing` on the five biggest pages and on the biggest
copied end to end up to 300 KB, median / best of 20, in ms. Figures go in bench/README.md by
hand, with the machine.
"""

import re
import sys
import tempfile
from pathlib import Path
from urllib.parse import urljoin, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import demo_in, timed  # noqa: E402

ACCOUNTS = ("porteur", "directeur", "autorite")
LINK = re.compile(r'href="([^"#]+)')


def main(var: str) -> None:
    demo_in(var)
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client, override_settings

    from capacite.lib.typography import french_spacing

    pages: dict[str, str] = {}
    # The pages as written, before the middleware spaces them.
    unspaced = override_settings(MIDDLEWARE=[
        name for name in settings.MIDDLEWARE if not name.endswith("TypographyMiddleware")])
    unspaced.enable()
    for username in ACCOUNTS:
        client = Client(HTTP_ACCEPT_LANGUAGE="fr")
        client.force_login(get_user_model().objects.get(username=username))
        todo, seen = ["/"], set()
        while todo and len(seen) < 400:
            path = todo.pop(0)
            if path in seen or path.startswith(("/static/", "/media/", "/compte/deconnexion")):
                continue
            seen.add(path)
            response = client.get(path, follow=True)
            if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
                continue
            html = response.content.decode()
            pages[f"{username} {path}"] = html
            for href in LINK.findall(html):
                url = urlsplit(urljoin(path, href.replace("&amp;", "&")))
                if not url.netloc and url.path not in seen:
                    todo.append(url.path)
    unspaced.disable()
    print(f"{len(pages)} pages; espaces français, médiane / min en ms sur 20")
    for name, html in sorted(pages.items(), key=lambda item: -len(item[1]))[:5]:
        median, best = timed(lambda html=html: french_spacing(html), repeat=20)
        print(f"  {len(html.encode()) / 1024:7.0f} Ko  {median:6.2f} / {best:6.2f}  {name}")
    # The biggest page copied end to end up to 300 KB, the size a page may reach.
    name, html = max(pages.items(), key=lambda item: len(item[1]))
    big = html * (300 * 1024 // len(html.encode()) + 1)
    median, best = timed(lambda: french_spacing(big), repeat=20)
    print(f"  {len(big.encode()) / 1024:7.0f} Ko  {median:6.2f} / {best:6.2f}  {name} (copies)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp(prefix="capacite-bench-"))
