"""The unit table: unit codes, their dimensions, how they are written, and conversion to a base unit."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Unit:
    """One unit of measure.

    `value * factor + offset` is the value in the base unit of `dimension` (offset is non-zero only for
    temperatures). `words` match case-insensitively (both spellings, singular and plural); `symbols` match
    case-sensitively ("m" is a metre, "M" is not).
    """

    code: str
    dimension: str
    factor: float = 1.0
    offset: float = 0.0
    words: tuple[str, ...] = ()
    symbols: tuple[str, ...] = ()


def _unit(code: str, dimension: str, factor: float, words: str, symbols: str = "", offset: float = 0) -> Unit:
    """A table row: `words` and `symbols` are "|"-separated; "metre"/"litre" words also get US spellings."""
    forms = [word for word in words.split("|") if word]
    forms += [form.replace("metre", "meter").replace("litre", "liter") for form in forms if "tre" in form]
    return Unit(code, dimension, factor, offset, tuple(forms), tuple(filter(None, symbols.split("|"))))


_KM = "kilometres|kilometre"
# Base units: length "m", area "m2", volume "l", mass "kg", duration "second", temperature "celsius", speed
# "km/h", power "W", energy "Wh". In the other dimensions (currency, percent, ...) each unit is its own base:
# exchange rates are data, not logic, so "USD" and "EUR" are never converted into each other here.
# Gallon and barrel are the US gallon and the oil barrel; "ton" is the US short ton, "tonne" 1,000 kg; month
# and year are Gregorian averages; "degree" without a scale is its own base, and so is "cent" (a hundredth of
# many currencies).
_TABLE: tuple[Unit, ...] = (
    _unit("mm", "length", 0.001, "millimetre|millimetres", "mm"),
    _unit("dm", "length", 0.1, "decimetre|decimetres", "dm"),
    _unit("cm", "length", 0.01, "centimetre|centimetres", "cm"),
    _unit("m", "length", 1.0, "metre|metres", "m"),
    _unit("km", "length", 1000.0, f"{_KM}|klicks", "km|kms"),
    _unit("inch", "length", 0.0254, "inch|inches"),
    _unit("foot", "length", 0.3048, "foot|feet", "ft"),
    _unit("yard", "length", 0.9144, "yard|yards", "yd|yds"),
    _unit("mile", "length", 1609.344, "mile|miles", "mi"),
    _unit("nautical_mile", "length", 1852.0, "nautical mile|nautical miles", "nmi"),
    _unit("m2", "area", 1.0, "square metre|square metres|sq metres", "m2|m²|sq m"),
    _unit("km2", "area", 1e6, "square kilometre|square kilometres|sq kilometres", "km2|km²|sq km|sqkm"),
    _unit("hectare", "area", 1e4, "hectare|hectares", "ha"),
    _unit("acre", "area", 4046.8564224, "acre|acres"),
    _unit("square_mile", "area", 2589988.110336, "square mile|square miles|sq miles", "sq mi"),
    _unit("square_foot", "area", 0.09290304, "square foot|square feet|sq feet", "sq ft"),
    _unit("ml", "volume", 0.001, "millilitre|millilitres", "ml|mL"),
    _unit("teaspoon", "volume", 0.00492892159375, "teaspoon|teaspoons", "tsp"),
    _unit("tablespoon", "volume", 0.01478676478125, "tablespoon|tablespoons", "tbsp"),
    _unit("cup", "volume", 0.2365882365, "cup|cups"),
    _unit("l", "volume", 1.0, "litre|litres", "l|L"),
    _unit("megalitre", "volume", 1e6, "megalitre|megalitres|megaliter|megaliters", "Ml|ML"),
    _unit("m3", "volume", 1000.0, "cubic metre|cubic metres", "m3|m³"),
    _unit("km3", "volume", 1e12, "cubic kilometre|cubic kilometres", "km3|km³"),
    _unit("cubic_foot", "volume", 28.316846592, "cubic foot|cubic feet", "cu ft|cubic ft|ft3|ft³"),
    _unit("gallon", "volume", 3.785411784, "gallon|gallons", "gal"),
    _unit("barrel", "volume", 158.987294928, "barrel|barrels", "bbl|bbls"),
    _unit("ug", "mass", 1e-9, "microgram|micrograms|microgramme|microgrammes", "µg|μg|mcg"),
    _unit("mg", "mass", 1e-6, "milligram|milligrams|milligramme|milligrammes", "mg"),
    _unit("g", "mass", 0.001, "gram|grams|gramme|grammes", "g"),
    _unit("kg", "mass", 1.0, "kilogram|kilograms|kilogramme|kilogrammes|kilo|kilos", "kg|kgs"),
    _unit("tonne", "mass", 1000.0, "tonne|tonnes|metric ton|metric tons", "t"),
    _unit("ton", "mass", 907.18474, "ton|tons"),
    _unit("lb", "mass", 0.45359237, "pound|pounds", "lb|lbs"),
    _unit("ounce", "mass", 0.028349523125, "ounce|ounces", "oz"),
    _unit("second", "duration", 1.0, "second|seconds", "sec|secs"),
    _unit("minute", "duration", 60.0, "minute|minutes", "min|mins"),
    _unit("hour", "duration", 3600.0, "hour|hours", "h|hr|hrs"),
    _unit("day", "duration", 86400.0, "day|days"),
    _unit("week", "duration", 604800.0, "week|weeks", "wk|wks"),
    _unit("fortnight", "duration", 1209600.0, "fortnight|fortnights"),
    _unit("month", "duration", 2629746.0, "month|months"),
    _unit("year", "duration", 31556952.0, "year|years", "yr|yrs"),
    _unit("decade", "duration", 315569520.0, "decade|decades"),
    _unit("century", "duration", 3155695200.0, "century|centuries"),
    _unit(
        "celsius",
        "temperature",
        1.0,
        "degrees celsius|degree celsius|degrees centigrade|celsius|degrees c|° celsius",
        "°C|° C|ºC|℃|C",
    ),
    _unit(
        "fahrenheit",
        "temperature",
        5 / 9,
        "degrees fahrenheit|degree fahrenheit|fahrenheit|degrees f|° fahrenheit",
        "°F|° F|ºF|℉|F",
        offset=-32 * 5 / 9,
    ),
    _unit("kelvin", "temperature", 1.0, "kelvin|kelvins", offset=-273.15),
    _unit("degree", "temperature", 1.0, "degree|degrees", "°|º"),
    _unit("arc_degree", "angle", 1.0, ""),  # "degrees" where the words around speak of turning (`unit_in_context`)
    _unit("radian", "angle", 57.29577951308232, "radian|radians", "rad"),
    _unit(
        "km/h",
        "speed",
        1.0,
        "|".join(f"{k} {p} hour" for k in _KM.split("|") for p in ("per", "an", "a")),
        "km/h|kph|kmh|km/hr|kmph",
    ),
    _unit("mph", "speed", 1.609344, "miles per hour|miles an hour|mile per hour", "mph"),
    _unit("knot", "speed", 1.852, "knot|knots"),
    _unit("m/s", "speed", 3.6, "metres per second|metre per second", "m/s"),
    _unit("W", "power", 1.0, "watt|watts"),
    _unit("kW", "power", 1e3, "kilowatt|kilowatts", "kW"),
    _unit("MW", "power", 1e6, "megawatt|megawatts", "MW"),
    _unit("GW", "power", 1e9, "gigawatt|gigawatts", "GW"),
    _unit("Wh", "energy", 1.0, "watt hour|watt hours|watt-hour|watt-hours", "Wh"),
    _unit("kWh", "energy", 1e3, "kilowatt hour|kilowatt hours|kilowatt-hour|kilowatt-hours", "kWh"),
    _unit("MWh", "energy", 1e6, "megawatt hour|megawatt hours|megawatt-hours", "MWh"),
    _unit("GWh", "energy", 1e9, "gigawatt hour|gigawatt hours|gigawatt-hours", "GWh"),
    _unit("TWh", "energy", 1e12, "terawatt hour|terawatt hours|terawatt-hours", "TWh"),
    _unit("percent", "percent", 1.0, "percent|per cent|per-cent|percents|percentage", "%|％|pct|pc"),
    _unit(
        "percentage_point", "percentage_point", 1.0, "percentage point|percentage points|percent points", "pp|ppt|ppts"
    ),
    _unit("basis_point", "percentage_point", 0.01, "basis point|basis points", "bp|bps"),
    _unit("bit", "data", 0.125, "bit|bits"),
    _unit("byte", "data", 1.0, "byte|bytes"),
    _unit("kB", "data", 1e3, "kilobyte|kilobytes", "kB|KB"),
    _unit("MB", "data", 1e6, "megabyte|megabytes", "MB"),
    _unit("GB", "data", 1e9, "gigabyte|gigabytes", "GB"),
    _unit("TB", "data", 1e12, "terabyte|terabytes", "TB"),
    _unit("Mb", "data", 1.25e5, "megabit|megabits", "Mb|Mbit"),
    _unit("Gb", "data", 1.25e8, "gigabit|gigabits", "Gb|Gbit"),
    _unit("fraction", "fraction", 1.0, ""),
    _unit("times", "ratio", 1.0, "times", "x|×"),
    # Lowercase ISO codes ("20 usd") are listed as words: only the common ones, as "try" and "cad" are words.
    _unit("USD", "currency", 1.0, "dollar|dollars|us dollar|us dollars|u.s. dollars|bucks|usd", "USD"),
    _unit("EUR", "currency", 1.0, "euro|euros|eur", "EUR"),
    _unit("GBP", "currency", 1.0, "pounds sterling|pound sterling|sterling|gbp", "GBP"),
    _unit("JPY", "currency", 1.0, "yen", "JPY"),
    _unit("CNY", "currency", 1.0, "yuan|chinese yuan|renminbi|rmb|cny", "CNY|RMB|元"),
    _unit("BTC", "currency", 1.0, "bitcoin|bitcoins", "BTC|₿"),
    _unit("INR", "currency", 1.0, "rupee|rupees|indian rupees", "INR"),
    _unit("PKR", "currency", 1.0, "pakistani rupees", "PKR"),
    _unit("AUD", "currency", 1.0, "australian dollars", "AUD"),
    _unit("CAD", "currency", 1.0, "canadian dollars", "CAD"),
    _unit("NZD", "currency", 1.0, "new zealand dollars", "NZD"),
    _unit("HKD", "currency", 1.0, "hong kong dollars", "HKD"),
    _unit("SGD", "currency", 1.0, "singapore dollars", "SGD"),
    _unit("NGN", "currency", 1.0, "naira", "NGN"),
    _unit("ZAR", "currency", 1.0, "rand", "ZAR"),
    _unit("MXN", "currency", 1.0, "peso|pesos|mexican pesos", "MXN"),
    _unit("BRL", "currency", 1.0, "reais", "BRL"),
    _unit("RUB", "currency", 1.0, "rouble|roubles|ruble|rubles", "RUB"),
    _unit("TRY", "currency", 1.0, "lira|liras|turkish lira", "TRY"),
    _unit("KRW", "currency", 1.0, "won", "KRW"),
    _unit("ILS", "currency", 1.0, "shekel|shekels", "ILS|NIS"),
    _unit("SAR", "currency", 1.0, "riyal|riyals", "SAR"),
    _unit("AED", "currency", 1.0, "dirham|dirhams", "AED"),
    _unit("CHF", "currency", 1.0, "swiss francs|francs", "CHF"),
    _unit("UAH", "currency", 1.0, "hryvnia|hryvnias|hryvnas", "UAH"),
    _unit("KES", "currency", 1.0, "kenyan shillings|shillings", "KES"),
    _unit("PHP", "currency", 1.0, "philippine pesos", "PHP"),
    _unit("SEK", "currency", 1.0, "swedish kronor|kronor", "SEK"),
    _unit("NOK", "currency", 1.0, "norwegian kroner", "NOK"),
    _unit("DKK", "currency", 1.0, "danish kroner", "DKK"),
    _unit("VND", "currency", 1.0, "dong", "VND|₫"),
    _unit("THB", "currency", 1.0, "baht", "THB|฿"),
    _unit("GHS", "currency", 1.0, "cedi|cedis", "GHS|₵"),
    _unit("BDT", "currency", 1.0, "taka", "BDT|৳"),
    _unit("KZT", "currency", 1.0, "tenge", "KZT|₸"),
    _unit("CRC", "currency", 1.0, "colón|colones", "CRC|₡"),
    _unit("GEL", "currency", 1.0, "lari", "GEL|₾"),
    _unit("LAK", "currency", 1.0, "kip", "LAK|₭"),
    _unit("PYG", "currency", 1.0, "guarani|guaranis", "PYG|₲"),
    _unit("MNT", "currency", 1.0, "tugrik", "MNT|₮"),
    _unit("AZN", "currency", 1.0, "manat", "AZN|₼"),
    # Currencies replaced by the euro, still in archives and in older claims.
    _unit("DEM", "currency", 1.0, "deutsche marks|deutschmarks|deutsche mark|deutschmark", "DEM"),
    _unit("FRF", "currency", 1.0, "french francs", "FRF"),
    _unit("ESP", "currency", 1.0, "peseta|pesetas", "ESP"),
    _unit("NLG", "currency", 1.0, "guilder|guilders|dutch guilders|dutch guilder", "NLG"),
    _unit("FIM", "currency", 1.0, "markka|markkaa|markkas|finnish markka|finnish markkas", "FIM"),
    _unit("ITL", "currency", 1.0, "lire|italian lire", "ITL"),
    _unit("cent", "currency", 1.0, "cent|cents"),
    _unit("GBX", "currency", 0.01, "pence|penny", "p"),  # "53p": only written against the number
)

UNITS: dict[str, Unit] = {unit.code: unit for unit in _TABLE}
_BASE = {
    "length": "m",
    "area": "m2",
    "volume": "l",
    "mass": "kg",
    "duration": "second",
    "speed": "km/h",
    "temperature": "celsius",
    "power": "W",
    "energy": "Wh",
    "percentage_point": "percentage_point",
    "data": "byte",
    "angle": "arc_degree",
}
# Pence convert to pounds; every other unit whose dimension has no shared base is its own base.
_BASE_OVERRIDE = {"GBX": "GBP", "degree": "degree"}


def dimension_of(unit: str | None) -> str:
    """The dimension of a unit code ("km" -> "length"); None, a plain count, is "count".

    Raises:
        ValueError: for a code that is not in the table.
    """
    if unit is None:
        return "count"
    return _lookup(unit).dimension


def base_unit_of(unit: str) -> str:
    """The unit that `to_base` converts `unit` into ("mile" -> "m", "EUR" -> "EUR")."""
    found = _lookup(unit)
    if unit in _BASE_OVERRIDE:
        return _BASE_OVERRIDE[unit]
    return _BASE.get(found.dimension, unit)


def to_base(value: float, unit: str) -> tuple[float, str]:
    """`value` in `unit` converted to its dimension's base unit: `to_base(80, "km")` -> `(80000.0, "m")`.

    Raises:
        ValueError: for a code that is not in the table.
    """
    found = _lookup(unit)
    base = base_unit_of(unit)
    if base == unit:
        return float(value), unit
    return value * found.factor + found.offset, base


def convert(value: float, unit: str, target: str) -> float:
    """`value` in `unit` expressed in `target` (`convert(50, "mile", "km")` -> 80.47...).

    Raises:
        ValueError: when a code is unknown or the two share no base unit (km and hours, USD and EUR).
    """
    base_value, base = to_base(value, unit)
    if base_unit_of(target) != base:
        raise ValueError(f"cannot convert {unit!r} to {target!r}: expected two units with a shared base unit")
    found = _lookup(target)
    if target == base:
        return base_value
    return (base_value - found.offset) / found.factor


def _lookup(unit: str) -> Unit:
    try:
        return UNITS[unit]
    except KeyError:
        raise ValueError(f"unknown unit code {unit!r}; expected a key of units.UNITS") from None
