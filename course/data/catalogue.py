"""The fictional seller's catalogue, written by hand.

These are the fixed facts about each product: what it is, its price and five
teaching scores that say how it sells (all illustrative, chosen so that the
catalogue holds clear cases of each ordering and some in-between ones). The
generator (:mod:`course.data.generate`) adds the numbers a seller would see:
ratings, reviews, Amazon traffic and sales, TikTok performance.

Scores, each 0-1:

* ``showability``: how well the product shows in a short video (a lamp that
  turns a room orange: high; a replacement filter: low).
* ``impulse``: how easily someone buys it on the spot without planning.
* ``considered``: how much research a buyer does before buying (checking fit,
  specs, compatibility).
* ``identity``: how much people buy it on a creator's word or as part of a
  lifestyle they identify with (fitness, beauty).
* ``quality``: the chance a buyer is satisfied (drives ratings and refunds).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CATALOGUE", "CATEGORIES", "Product"]

CATEGORIES = (
    "phone accessories",
    "kitchen",
    "fitness",
    "beauty",
    "home",
    "pet",
    "outdoor",
    "office",
)


@dataclass(frozen=True)
class Product:
    """One catalogue entry.

    Attributes
    ----------
    sku : str
        The seller's stock-keeping unit code (text).
    product_name : str
        Short name in plain English.
    category : str
        One of :data:`CATEGORIES`.
    price_usd : float
        Selling price on Amazon, US dollars (illustrative).
    showability, impulse, considered, identity : float
        Teaching scores 0-1 (see the module docstring; illustrative).
    margin : float
        Profit after product cost, fees and shipping, as a fraction of price
        (illustrative; typical Amazon private-label margins of 30-60%).
    quality : float
        Chance 0-1 that a buyer is satisfied (illustrative).
    title_tail : str
        The rest of the Amazon listing title after the product name.
    family : str
        Variation family: products with the same non-empty family share a
        parent ASIN (colours of one bottle). Empty for a standalone product.
    on_tiktok : bool
        Whether the seller has listed it on TikTok Shop yet.
    """

    sku: str
    product_name: str
    category: str
    price_usd: float
    showability: float
    impulse: float
    considered: float
    identity: float
    margin: float
    quality: float
    title_tail: str
    family: str = ""
    on_tiktok: bool = False


def _p(*args, **kwargs) -> Product:
    return Product(*args, **kwargs)


# fmt: off
CATALOGUE: tuple[Product, ...] = (
    # phone accessories: the car mount is the search example
    _p("PH-MOUNT-CAR", "Car phone mount", "phone accessories", 19.99,
       0.45, 0.35, 0.70, 0.10, 0.38, 0.90,
       "Dashboard and Air Vent Phone Holder for Car, One-Hand Release, Fits 4-7 inch Phones",
       on_tiktok=True),
    _p("PH-CABLE-C2M", "USB-C cable, 2 m, braided", "phone accessories", 9.99,
       0.10, 0.20, 0.80, 0.05, 0.45, 0.93,
       "USB-C to USB-C Fast Charging Cord, Nylon Braided, 60W, 6.6 ft"),
    _p("PH-CHARGER-65", "65 W wall charger, 2 ports", "phone accessories", 32.99,
       0.25, 0.20, 0.85, 0.10, 0.35, 0.91,
       "GaN USB-C Charger, Foldable Plug, for Laptop, Tablet and Phone"),
    _p("PH-CASE-MAG", "Magnetic clear phone case", "phone accessories", 15.99,
       0.55, 0.50, 0.55, 0.35, 0.55, 0.86,
       "Shockproof Slim Cover with Built-in Magnets, Yellowing Resistant"),
    _p("PH-RINGLIGHT", "Clip-on selfie ring light", "phone accessories", 14.99,
       0.90, 0.80, 0.25, 0.40, 0.52, 0.80,
       "Rechargeable Clip Light for Phone and Laptop, 3 Colour Modes, for Video Calls",
       on_tiktok=True),
    _p("PH-MAGNIFIER", "Phone screen magnifier, 12 inch", "phone accessories", 17.99,
       0.85, 0.85, 0.20, 0.10, 0.50, 0.62,
       "3D Screen Amplifier for Movies and Videos, Foldable Stand"),
    # kitchen
    _p("KI-FILTER-FRG", "Refrigerator water filter, replacement", "kitchen", 24.99,
       0.05, 0.05, 0.95, 0.05, 0.48, 0.92,
       "Compatible Replacement Cartridge, Certified to Reduce Chlorine, 1 Pack"),
    _p("KI-CHOPPER", "Vegetable chopper with 8 blades", "kitchen", 22.99,
       0.95, 0.85, 0.25, 0.15, 0.45, 0.82,
       "Onion Dicer and Slicer with Container, Dishwasher Safe",
       on_tiktok=True),
    _p("KI-FROTHER", "Handheld milk frother", "kitchen", 12.99,
       0.85, 0.80, 0.20, 0.30, 0.55, 0.84,
       "Rechargeable Electric Whisk for Coffee, Matcha and Latte, 3 Speeds",
       on_tiktok=True),
    _p("KI-OILSPRAY", "Olive oil sprayer bottle", "kitchen", 11.99,
       0.80, 0.75, 0.20, 0.25, 0.58, 0.78,
       "Glass Oil Mister for Cooking, Salad and Air Fryer, 200 ml",
       on_tiktok=True),
    _p("KI-SCALE", "Digital kitchen scale", "kitchen", 16.99,
       0.30, 0.25, 0.75, 0.10, 0.42, 0.90,
       "Food Scale in Grams and Ounces, 0.1 g Precision, Tare Function"),
    _p("KI-ICEMOLD", "Ice ball mould, set of 4", "kitchen", 13.99,
       0.75, 0.70, 0.20, 0.30, 0.60, 0.83,
       "Silicone Sphere Ice Maker with Lids, 2.5 inch Balls for Whiskey and Cocktails"),
    # fitness: the sports bottle is the social example
    _p("FI-BOTTLE-BLK", "Sports water bottle 750 ml, black", "fitness", 18.99,
       0.70, 0.55, 0.25, 0.85, 0.55, 0.88,
       "Leakproof Gym Bottle with Time Markers and Straw, BPA Free, Black",
       family="bottle", on_tiktok=True),
    _p("FI-BOTTLE-BLU", "Sports water bottle 750 ml, blue", "fitness", 18.99,
       0.70, 0.55, 0.25, 0.85, 0.55, 0.88,
       "Leakproof Gym Bottle with Time Markers and Straw, BPA Free, Blue",
       family="bottle"),
    _p("FI-BOTTLE-PNK", "Sports water bottle 750 ml, pink", "fitness", 18.99,
       0.70, 0.55, 0.25, 0.85, 0.55, 0.88,
       "Leakproof Gym Bottle with Time Markers and Straw, BPA Free, Pink",
       family="bottle"),
    _p("FI-BANDS", "Resistance bands, set of 5", "fitness", 24.99,
       0.75, 0.50, 0.35, 0.80, 0.60, 0.85,
       "Exercise Loop Bands with Carry Bag and Guide, 5 Resistance Levels",
       on_tiktok=True),
    _p("FI-MAT", "Yoga mat, 6 mm", "fitness", 29.99,
       0.50, 0.30, 0.55, 0.70, 0.45, 0.88,
       "Non-Slip Exercise Mat with Alignment Lines and Strap"),
    _p("FI-ROLLER", "Foam roller", "fitness", 21.99,
       0.60, 0.40, 0.45, 0.65, 0.50, 0.87,
       "High Density Muscle Roller for Back and Legs, 13 inch",
       on_tiktok=True),
    _p("FI-JUMPROPE", "Weighted jump rope with counter", "fitness", 15.99,
       0.80, 0.60, 0.30, 0.70, 0.58, 0.80,
       "Digital Skipping Rope with Calorie Counter, Adjustable, Cordless Mode",
       on_tiktok=True),
    _p("FI-GRIP", "Hand grip strengthener", "fitness", 9.99,
       0.65, 0.70, 0.20, 0.50, 0.62, 0.74,
       "Adjustable Forearm Trainer, 10-60 kg Resistance"),
    # beauty: identity-led
    _p("BE-SERUM-VC", "Vitamin C face serum, 30 ml", "beauty", 19.99,
       0.55, 0.45, 0.45, 0.90, 0.70, 0.83,
       "Brightening Serum with Hyaluronic Acid and Vitamin E, Fragrance Free",
       on_tiktok=True),
    _p("BE-GUASHA", "Gua sha and face roller set", "beauty", 16.99,
       0.90, 0.70, 0.20, 0.85, 0.68, 0.78,
       "Rose Quartz Facial Tools with Gift Box",
       on_tiktok=True),
    _p("BE-LASHCURL", "Heated eyelash curler", "beauty", 17.99,
       0.85, 0.75, 0.30, 0.75, 0.55, 0.76,
       "Rechargeable Lash Curler, 2 Heat Levels, Quick Heating"),
    _p("BE-SCALP", "Scalp massager shampoo brush", "beauty", 7.99,
       0.80, 0.85, 0.15, 0.45, 0.65, 0.85,
       "Soft Silicone Bristles, for Wet and Dry Hair",
       on_tiktok=True),
    _p("BE-MIRROR", "LED makeup mirror, tri-fold", "beauty", 27.99,
       0.70, 0.45, 0.55, 0.60, 0.40, 0.84,
       "Lighted Vanity Mirror with 1x/2x/3x Magnification, Touch Dimmer"),
    # home
    _p("HO-LAMP-SUN", "Sunset projection lamp", "home", 21.99,
       0.98, 0.90, 0.15, 0.55, 0.60, 0.72,
       "Rainbow Projector Night Light, 180 Degree Rotation, for Photos and Bedroom",
       on_tiktok=True),
    _p("HO-VACBAGS", "Vacuum storage bags, 10 pack", "home", 25.99,
       0.80, 0.50, 0.55, 0.10, 0.50, 0.81,
       "Space Saver Bags for Clothes and Bedding, Hand Pump Included"),
    _p("HO-HEPA", "Air purifier HEPA filter, 2 pack", "home", 29.99,
       0.05, 0.05, 0.95, 0.05, 0.50, 0.93,
       "True HEPA Replacement Filters, Compatible with Common Models"),
    _p("HO-LEDSTRIP", "LED strip lights, 10 m", "home", 19.99,
       0.90, 0.75, 0.35, 0.35, 0.48, 0.77,
       "App-Controlled Colour Changing Lights, Music Sync, for Bedroom",
       on_tiktok=True),
    _p("HO-DRAFT", "Door draft stopper", "home", 14.99,
       0.35, 0.30, 0.65, 0.05, 0.46, 0.88,
       "Under Door Seal for Noise and Cold, Adjustable Width"),
    _p("HO-CLEANGEL", "Cleaning gel for car and keyboard", "home", 6.99,
       0.92, 0.90, 0.10, 0.10, 0.62, 0.70,
       "Reusable Dust Cleaner Putty for Car Vents and Keyboards, 2 Pack",
       on_tiktok=True),
    # pet
    _p("PE-LINTROLL", "Reusable pet hair remover", "pet", 13.99,
       0.95, 0.85, 0.30, 0.35, 0.60, 0.86,
       "Lint Roller for Dog and Cat Hair on Sofa and Clothes, No Refills",
       on_tiktok=True),
    _p("PE-FOUNTAIN", "Cat water fountain, 2 l", "pet", 29.99,
       0.65, 0.40, 0.65, 0.45, 0.42, 0.82,
       "Quiet Pet Drinking Fountain with LED Indicator and Filter"),
    _p("PE-FLT-8", "Cat fountain filters, 8 pack", "pet", 12.99,
       0.05, 0.05, 0.95, 0.10, 0.62, 0.92,
       "Replacement Filters for 2 l Pet Fountains, Activated Carbon"),
    _p("PE-LICKMAT", "Dog lick mat, 2 pack", "pet", 11.99,
       0.85, 0.75, 0.25, 0.50, 0.64, 0.84,
       "Slow Feeder Mat with Suction Cups, Food-Grade Silicone",
       on_tiktok=True),
    # outdoor
    _p("OU-HEADLAMP", "Rechargeable LED headlamp", "outdoor", 18.99,
       0.45, 0.30, 0.70, 0.25, 0.45, 0.89,
       "Motion Sensor Head Torch, 5 Modes, Waterproof, for Running and Camping",
       on_tiktok=True),
    _p("OU-HAMMOCK", "Camping hammock with straps", "outdoor", 34.99,
       0.75, 0.45, 0.50, 0.55, 0.45, 0.83,
       "Lightweight Parachute Nylon Hammock for One or Two, Tree Straps Included"),
    _p("OU-STAKES", "Aluminium tent stakes, 12 pack", "outdoor", 10.99,
       0.10, 0.10, 0.85, 0.15, 0.55, 0.91,
       "Y-Shaped Tent Pegs with Reflective Ropes and Bag"),
    _p("OU-LANTERN", "Collapsible solar lantern", "outdoor", 16.99,
       0.75, 0.65, 0.35, 0.30, 0.52, 0.80,
       "Solar and USB Rechargeable Camping Light, Waterproof"),
    # office
    _p("OF-STAND", "Aluminium laptop stand", "office", 29.99,
       0.50, 0.35, 0.70, 0.30, 0.40, 0.90,
       "Adjustable Ergonomic Laptop Riser for Desk, Fits 10-17 inch"),
    _p("OF-LABELTAPE", "Label maker tape, 4 rolls", "office", 14.99,
       0.05, 0.05, 0.90, 0.05, 0.55, 0.90,
       "Compatible Laminated Label Tape, 12 mm, Black on White"),
    _p("OF-DESKMAT", "Felt desk mat", "office", 12.99,
       0.60, 0.55, 0.40, 0.40, 0.60, 0.86,
       "Large Desk Pad 90 x 40 cm, Non-Slip"),
    _p("OF-CABLEBOX", "Cable management box", "office", 19.99,
       0.55, 0.45, 0.55, 0.20, 0.50, 0.88,
       "Power Strip Cover to Hide Cords, for Desk and TV"),
    _p("OF-PRINTER", "Mini pocket thermal printer", "office", 39.99,
       0.95, 0.70, 0.40, 0.50, 0.38, 0.74,
       "Inkless Bluetooth Printer for Notes, Labels and Photos",
       on_tiktok=True),
)
# fmt: on
