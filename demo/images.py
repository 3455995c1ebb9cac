"""Illustrations for the demo's news stories, drawn at load time so that the demo ships no
image files: abstract colour fields and shapes (no people, no places), as JPEG."""

import random
from io import BytesIO

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1600, 900

# Colour schemes: background, then the colours of the shapes drawn over it.
PALETTES = {
    "savanna": ("#e9c46a", ["#2a9d8f", "#f4a261", "#264653", "#e76f51"]),
    "fjord": ("#14213d", ["#2a9d8f", "#8ecae6", "#219ebc", "#e5e5e5"]),
    "dune": ("#f1dcc9", ["#c8553d", "#f28f3b", "#588b8b", "#ffd5c2"]),
    "dusk": ("#3c1642", ["#ffd166", "#f4a259", "#8f2d56", "#d81159"]),
}


def _rgba(colour, alpha):
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4)) + (alpha,)


def abstract_jpeg(palette, seed):
    """A WIDTH x HEIGHT JPEG of translucent circles and bands in the colours of `palette`;
    the same `seed` gives the same picture."""
    background, colours = PALETTES[palette]
    rng = random.Random(seed)
    image = Image.new("RGBA", (WIDTH, HEIGHT), _rgba(background, 255))
    layer = Image.new("RGBA", (WIDTH, HEIGHT), (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    for n in range(3):
        top = rng.randrange(-200, HEIGHT)
        draw.polygon(
            [(0, top), (WIDTH, top - 260 + 90 * n), (WIDTH, top - 140 + 90 * n), (0, top + 120)],
            fill=_rgba(colours[n % len(colours)], 70),
        )
    for _ in range(14):
        radius = rng.randrange(60, 320)
        x, y = rng.randrange(WIDTH), rng.randrange(HEIGHT)
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius),
            fill=_rgba(rng.choice(colours), rng.randrange(90, 190)),
        )
    image = Image.alpha_composite(image, layer).convert("RGB")
    out = BytesIO()
    image.save(out, "JPEG", quality=82, optimize=True, progressive=True)
    return out.getvalue()
