"""Read the diagram back out of a widget's static picture (an <img> holding the SVG as a data URL)."""

import base64
import re


def static_svg(html: str) -> str:
    """The SVG documents inside the ``data:image/svg+xml;base64`` images of ``html``, joined."""
    found = re.findall(r'src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"', html)
    return "".join(base64.b64decode(data).decode("utf-8") for data in found)
