#!/usr/bin/env python3
"""Writes pii_corpus_holdout4.tsv: the fourth out-of-sample PII corpus (issue 16).

Written blind to the detector: its writer read the user documentation
(docs/pii.md) and the corpus file format, never the detector's source, its
unit tests or the tuning corpus, and never ran the scanner on these lines.
Committed before the scanner ever ran on it, to be measured once and never
tuned on. Sentences are phrased as Copilot summaries, Agent Assist wrap-up
notes and Speech & Text Analytics transcripts phrase them. Labels are what
a compliance officer would call PII, decided when the line was written.
Phone numbers labelled as phones were confirmed valid in their country's
numbering plan with python3-phonenumbers (8.12, as Debian 12 ships it), the
phone-shaped hard negatives confirmed invalid; card, IBAN and routing values
get their check digits here, hard negatives get deliberately wrong ones. No
sentence and no run of seven or more digits repeats one of holdouts 1-3.
Synthetic values: example domains, documentation and private IP ranges;
no line holds a real person's data.

Deterministic (fixed seed): `python3 make_holdout4.py > pii_corpus_holdout4.tsv`;
`python3 make_holdout4.py --verify` checks the phones and the reuse instead
(needs python3-phonenumbers) and prints the counts per kind.
"""
import random
import re
import string
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside the corpus files
from make_holdout3 import aba_ok, grouped, luhn_sum, mod97  # noqa: E402 (after the line above)

rng = random.Random(4_2026_11_30)

# Registered IBAN BBAN shapes: "9" a digit, "A" an upper-case letter, "X" either,
# "0" a fixed zero.
BBAN = {
    "AD": "99999999XXXXXXXXXXXX", "AE": "9999999999999999999", "AL": "99999999XXXXXXXXXXXXXXXX",
    "AT": "9999999999999999", "AZ": "AAAAXXXXXXXXXXXXXXXXXXXX", "BA": "9999999999999999",
    "BE": "999999999999", "BG": "AAAA999999XXXXXXXX", "BH": "AAAAXXXXXXXXXXXXXX",
    "BR": "99999999999999999999999AX", "CH": "99999XXXXXXXXXXXX", "CR": "099999999999999999",
    "CY": "99999999XXXXXXXXXXXXXXXX", "CZ": "99999999999999999999", "DE": "999999999999999999",
    "DK": "99999999999999", "DO": "XXXX99999999999999999999", "EE": "9999999999999999",
    "EG": "9999999999999999999999999", "ES": "99999999999999999999", "FI": "99999999999999",
    "FO": "99999999999999", "FR": "9999999999XXXXXXXXXXX99", "GB": "AAAA99999999999999",
    "GE": "AA9999999999999999", "GI": "AAAAXXXXXXXXXXXXXXX", "GL": "99999999999999",
    "GR": "9999999XXXXXXXXXXXXXXXX", "HR": "99999999999999999", "HU": "999999999999999999999999",
    "IE": "AAAA99999999999999", "IL": "9999999999999999999", "IS": "9999999999999999999999",
    "IT": "A9999999999XXXXXXXXXXXX", "JO": "AAAA9999XXXXXXXXXXXXXXXXXX", "KW": "AAAAXXXXXXXXXXXXXXXXXXXXXX",
    "KZ": "999XXXXXXXXXXXXX", "LB": "9999XXXXXXXXXXXXXXXXXXXX", "LI": "99999XXXXXXXXXXXX",
    "LT": "9999999999999999", "LU": "999XXXXXXXXXXXXX", "LV": "AAAAXXXXXXXXXXXXX",
    "MC": "9999999999XXXXXXXXXXX99", "MD": "XXXXXXXXXXXXXXXXXXXX", "ME": "999999999999999999",
    "MK": "999XXXXXXXXXX99", "MT": "AAAA99999XXXXXXXXXXXXXXXXXX", "MU": "AAAA9999999999999999999AAA",
    "NL": "AAAA9999999999", "NO": "99999999999", "PK": "AAAAXXXXXXXXXXXXXXXX",
    "PL": "999999999999999999999999", "PS": "AAAAXXXXXXXXXXXXXXXXXXXXX", "PT": "999999999999999999999",
    "QA": "AAAAXXXXXXXXXXXXXXXXXXXXX", "RO": "AAAAXXXXXXXXXXXXXXXX", "RS": "999999999999999999",
    "SA": "99XXXXXXXXXXXXXXXXXX", "SE": "99999999999999999999", "SI": "999999999999999",
    "SK": "99999999999999999999", "SM": "A9999999999XXXXXXXXXXXX", "TN": "99999999999999999999",
    "TR": "99999XXXXXXXXXXXXXXXXX", "UA": "999999XXXXXXXXXXXXXXXXXXX", "VG": "AAAA9999999999999999",
    "XK": "9999999999999999",
}
# Registered total lengths, to catch a wrong shape above.
IBAN_LENGTH = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BR": 29, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20,
    "EG": 29, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18,
    "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30,
    "KZ": 20, "LB": 28, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22,
    "MK": 19, "MT": 31, "MU": 30, "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25,
    "QA": 29, "RO": 24, "RS": 22, "SA": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "TN": 24,
    "TR": 26, "UA": 29, "VG": 24, "XK": 20,
}
assert all(len(BBAN[c]) + 4 == n for c, n in IBAN_LENGTH.items()), "BBAN shape vs registered length"

BBAN_CHARS = {"9": string.digits, "A": string.ascii_uppercase, "X": string.digits + "ABCDEFGHJKLMNPRSTUVWXYZ"}
FED_PREFIXES = [f"{p:02d}" for p in [*range(1, 13), *range(21, 33), *range(61, 73), 80]]
NOT_FED_PREFIXES = [f"{p:02d}" for p in [*range(13, 21), *range(33, 61), *range(73, 80), *range(81, 100)]]


def digits(n):
    return "".join(str(rng.randrange(10)) for _ in range(n))


def luhn_number(prefix, length, valid=True):
    while True:
        n = prefix + digits(length - len(prefix))
        if (luhn_sum(n) == 0) == valid:
            return n


def group(number, spec):
    """spec: "n" unseparated; otherwise a separator ("s" space, "d" dash)
    and group sizes joined by "." ("s4.6.5"); one size repeats ("s2")."""
    if spec == "n":
        return number
    sep, sizes = spec[0], spec[1:]
    if not sizes:
        sizes = "4"
    sizes = [int(s) for s in sizes.split(".")]
    if len(sizes) == 1:
        size = sizes[0]
        sizes = [size] * (len(number) // size) + ([len(number) % size] if len(number) % size else [])
    return grouped(number, sep, sizes)


def bban(country):
    return "".join(rng.choice(BBAN_CHARS[c]) if c in BBAN_CHARS else c for c in BBAN[country])


def iban(country, spec, valid=True):
    b = bban(country)
    check = 98 - mod97(country + "00" + b)
    if not valid:
        check = (check + rng.choice([1, 3, 4, 9, 13, 27])) % 97 or 96
        check = max(check, 2)
    n = f"{country}{check:02d}{b}"
    assert len(n) == IBAN_LENGTH[country]
    assert (mod97(n) == 1) == valid, n
    return group(n, spec)


def aba(valid_prefix=True, valid_checksum=True):
    prefixes = FED_PREFIXES if valid_prefix else NOT_FED_PREFIXES
    while True:
        n = rng.choice(prefixes) + digits(7)
        if aba_ok(n) == valid_checksum:
            return n


def ssn(sep, fault=None):
    """An SSN in the issued ranges, or with `fault` one just outside them: a zero
    area ("area0"), group ("group0") or serial ("serial0"), area 666 or 9xx."""
    area = rng.choice([a for a in range(1, 900) if a != 666])
    parts = [area, rng.randrange(1, 100), rng.randrange(1, 10000)]
    if fault == "area9":
        # 9xx with groups 50-99 is an ITIN, still PII: keep the group below 50.
        parts[:2] = [rng.randrange(900, 1000), rng.randrange(1, 50)]
    elif fault:
        faults = {"area0": (0, 0), "area666": (0, 666), "group0": (1, 0), "serial0": (2, 0)}
        index, value = faults[fault]
        parts[index] = value
    return {"d": "-", "s": " "}[sep].join(f"{v:0{w}d}" for v, w in zip(parts, (3, 2, 4)))


PHONES = []  # (region, literal, should_be_valid) for --verify


def phone(region, literal, valid):
    PHONES.append((region, literal, valid))
    return literal


# Placeholder kind -> its value from the arguments after the kind ("{card:4:16:s}").
MAKERS = {
    "tel": lambda region, literal: phone(region, literal, True),
    "nottel": lambda region, literal: phone(region, literal, False),
    "card": lambda prefix, length, spec: group(luhn_number(prefix, int(length)), spec),
    "badcard": lambda prefix, length, spec: group(luhn_number(prefix, int(length), valid=False), spec),
    "iban": lambda country, spec: iban(country, spec),
    "badiban": lambda country, spec: iban(country, spec, valid=False),
    "aba": lambda: aba(),
    "nonaba": lambda: aba(valid_checksum=False),
    "nofed": lambda: aba(valid_prefix=False),
    "ssn": lambda sep, fault=None: ssn(sep, fault),
}


def expand(match):
    kind, _, rest = match.group(1).partition(":")
    if kind in ("tel", "nottel"):  # a phone literal may hold ":" of its own
        return MAKERS[kind](*rest.split(":", 1))
    return MAKERS[kind](*(rest.split(":") if rest else []))


PLACEHOLDER = re.compile(r"\{([a-z]+:[^{}\t]*|aba|nonaba|nofed)\}")


def generate():
    """Yields (output line, kinds, section) for every line of the corpus."""
    section = ""
    for line in CORPUS.strip("\n").split("\n"):
        if line.startswith("# ---"):
            section = line
        if line.startswith("#") or not line.strip():
            yield line, None, section
            continue
        assert line.count("\t") in (1, 2), line
        text = PLACEHOLDER.sub(expand, line)
        assert "{" not in text, line
        yield text, text.split("\t")[1], section


def main():
    print(__doc__.strip().replace("\n", "\n# ").join(["# ", ""]).replace("\n# \n", "\n#\n"))
    print("# Format: <text> TAB <kinds or -> [TAB <default region>], as in pii_corpus.tsv.")
    for text, _, _ in generate():
        print(text)


def verify():
    import collections
    import pathlib

    import phonenumbers

    rows = [(t, k, s) for t, k, s in generate() if k is not None]
    kinds = collections.Counter(kind for _, k, _ in rows for kind in k.split(",") if kind != "-")
    hard = sum(1 for _, _, s in rows if "hard negative" in s)
    negatives = sum(1 for _, k, _ in rows if k == "-")
    bad = [f"unknown kind: {kind}" for kind in kinds if kind not in
           ("email", "phone", "card", "ssn", "iban", "dob", "routing", "ip")]
    countries = set()
    for region, literal, valid in PHONES:
        try:
            number = phonenumbers.parse(literal.replace(",", ""), region)
            ok = phonenumbers.is_valid_number(number)
        except phonenumbers.NumberParseException:
            ok, number = False, None
        if ok != valid:
            bad.append(f"{'invalid' if valid else 'VALID'}: {region} {literal}")
        elif ok:
            countries.add(phonenumbers.region_code_for_number(number))
    # No value or sentence of the earlier holdouts is reused.
    here = pathlib.Path(__file__).parent
    earlier = "".join((here / f).read_text() for f in
                      ["pii_corpus_holdout.tsv", "pii_corpus_holdout2.tsv", "pii_corpus_holdout3.tsv"])
    earlier_lines = {line.split("\t")[0] for line in earlier.split("\n")}
    earlier_runs = set(re.findall(r"\d{7,}", re.sub(r"(?<=\d)[ .()/-](?=\d)", "", earlier)))
    for text, _, _ in rows:
        sentence = text.split("\t")[0]
        if sentence in earlier_lines:
            bad.append(f"sentence reused: {sentence}")
        for run in re.findall(r"\d{7,}", re.sub(r"(?<=\d)[ .()/-](?=\d)", "", sentence)):
            if run in earlier_runs:
                bad.append(f"digits reused ({run}): {sentence}")
    for kind, n in sorted(kinds.items()):
        print(f"{kind:8} {n}")
    print(f"lines {len(rows)}, negative lines {negatives}, hard negatives {hard}")
    print(f"phone countries ({len(countries)}): {' '.join(sorted(countries))}")
    print("\n".join(bad) or "all values check out")
    return 1 if bad else 0


CORPUS = r"""
# --- phone: international format, each country's own grouping
Customer contacted support about a duplicate charge and asked for a callback on {tel:US:+1 480 726 3391}.	phone
Next steps: agent to ring the customer back on {tel:US:+1-919-833-4062} once billing confirms the credit.	phone
Agent Assist summary - caller is based in Toronto; preferred contact {tel:US:+1 (416) 977-2045}.	phone
Customer (Vancouver) left {tel:US:+1 604 875 2210} for the installer.	phone
{tel:GB:+44 121 633 2874} is the number the customer wants on the account.	phone
Customer: yeah the mobile's {tel:GB:+44 7723 418 905}, that's the one with WhatsApp.	phone
Wrap-up: Bristol office number updated to {tel:GB:+44 117 929 4410}.	phone
Customer asked that the courier phone {tel:GB:+44 (0) 7856 214309} on arrival.	phone
Key points: the customer's Berlin landline ({tel:DE:+49 30 9018 2233}) is unattended after 6pm.	phone
Agent captured the German mobile {tel:DE:+49 171 482 9035} for the delivery SMS.	phone
Customer's Cologne office, {tel:DE:+49 221 4710 3385}, requested a paper invoice.	phone
Mobile number on file changed to {tel:DE:+49 152 2893 4471}	phone
Customer in Paris gave {tel:FR:+33 1 53 40 72 18} as her office line.	phone
Le client souhaite être rappelé au {tel:FR:+33 6 71 24 39 85}.	phone
Agent: and the best number? Customer: {tel:FR:+33 9 72 18 44 06}, it's the box at home.	phone
The Madrid branch can be reached at {tel:ES:+34 914 36 28 75}.	phone
Customer's Spanish mobile: {tel:ES:+34 622 19 84 37}	phone
Caller from Rome, office {tel:IT:+39 06 4782 1193}, wants the contract in Italian.	phone
Customer asked us to text {tel:IT:+39 347 218 5590} when the engineer is on the way.	phone
Amsterdam office line {tel:NL:+31 20 624 5318} was added as a secondary contact.	phone
- Contact: {tel:NL:+31 6 5318 2047} (mobile, Dutch)	phone
Customer in Brussels can be called at {tel:BE:+32 2 512 34 78}.	phone
Belgian mobile {tel:BE:+32 475 38 21 96} confirmed during the ID check.	phone
Summary: Zurich customer, landline {tel:CH:+41 44 268 35 70}, disputes the roaming charges.	phone
Customer's Swiss mobile is {tel:CH:+41 79 412 86 35}.	phone
Vienna office: {tel:AT:+43 1 405 2188}.	phone
The customer's Austrian mobile ({tel:AT:+43 664 218 4730}) is the only number that works.	phone
Stockholm office number recorded as {tel:SE:+46 8 412 38 90}.	phone
Customer asked for the confirmation by SMS to {tel:SE:+46 70 318 42 95}.	phone
Customer in Oslo: {tel:NO:+47 22 47 38 10}, mobile {tel:NO:+47 934 21 876}.	phone,phone
Danish landline {tel:DK:+45 32 71 18 90} belongs to the customer's shop.	phone
Customer's mobile {tel:DK:+45 51 27 43 86} was verified with a one-time code.	phone
Helsinki office: {tel:FI:+358 9 4728 3301}	phone
Finnish customer prefers calls to {tel:FI:+358 40 718 2264} after 10.	phone
Dublin office phone is {tel:IE:+353 1 677 4852}.	phone
Customer's Irish mobile, {tel:IE:+353 86 318 2047}, is also the 2FA number.	phone
Lisbon customer, landline {tel:PT:+351 21 381 4627}.	phone
Portuguese mobile {tel:PT:+351 912 487 350} added to the order.	phone
Warsaw office {tel:PL:+48 22 583 71 40} asked for a VAT invoice.	phone
Customer's Polish mobile is {tel:PL:+48 512 834 907}.	phone
Customer's Prague number {tel:CZ:+420 222 318 456} rings the reception.	phone
Czech mobile {tel:CZ:+420 603 217 894} verified.	phone
Athens office: {tel:GR:+30 210 729 4183}; mobile {tel:GR:+30 697 318 2045}.	phone,phone
Budapest customer's landline is {tel:HU:+36 1 458 3012}.	phone
Hungarian mobile {tel:HU:+36 20 318 4572} noted for callbacks.	phone
Bucharest office, {tel:RO:+40 21 318 7420}.	phone
Romanian mobile {tel:RO:+40 745 218 903} confirmed by the customer.	phone
Tokyo office number {tel:JP:+81 3-5412-8870} for the account manager.	phone
Customer's Japanese mobile: {tel:JP:+81 90-3418-2276}.	phone
Beijing office {tel:CN:+86 10 6512 3478} requested a callback in Mandarin.	phone
Customer's Chinese mobile {tel:CN:+86 138 1047 5296} is on WeChat too.	phone
Seoul office: {tel:KR:+82 2-2187-4453}	phone
Customer's Korean mobile {tel:KR:+82 10-3318-2047} replaced the old one.	phone
Bengaluru office {tel:IN:+91 80 4152 3370} wants the bill split by department.	phone
Customer's mobile {tel:IN:+91 98450 12347} receives the OTP.	phone
Sydney office: {tel:AU:+61 2 9374 4000}.	phone
Australian mobile {tel:AU:+61 412 385 907} added for delivery notifications.	phone
Wellington office line {tel:NZ:+64 4 472 3819}.	phone
Customer's Kiwi mobile is {tel:NZ:+64 21 318 4472}.	phone
Singapore office, {tel:SG:+65 6734 2289}, and mobile {tel:SG:+65 8123 4417}.	phone,phone
Hong Kong office {tel:HK:+852 2810 4437} asked for a quote in HKD.	phone
Customer's Hong Kong mobile: {tel:HK:+852 6123 8840}.	phone
Taipei office {tel:TW:+886 2 2718 4436}.	phone
Customer's Taiwanese mobile {tel:TW:+886 912 345 678} was confirmed.	phone
São Paulo office: {tel:BR:+55 11 3045-2218}.	phone
Customer's Brazilian mobile {tel:BR:+55 21 98734-1162} (WhatsApp).	phone
Mexico City office {tel:MX:+52 55 5280 4412}.	phone
Monterrey office line: {tel:MX:+52 81 8340 2271}	phone
Buenos Aires office {tel:AR:+54 11 4328-7712}.	phone
Argentine mobile {tel:AR:+54 9 351 418-2290} for the courier in Córdoba.	phone
Santiago office {tel:CL:+56 2 2698 4410}; customer's mobile {tel:CL:+56 9 6218 4437}.	phone,phone
Bogotá office line {tel:CO:+57 601 743 2218}.	phone
Colombian mobile {tel:CO:+57 315 842 7731} confirmed.	phone
Lima office: {tel:PE:+51 1 421 3387}.	phone
Peruvian mobile {tel:PE:+51 987 214 553} for SMS.	phone
Johannesburg office {tel:ZA:+27 11 486 3390}.	phone
South African mobile: {tel:ZA:+27 82 318 4470}	phone
Abu Dhabi office {tel:AE:+971 2 631 4478}, mobile {tel:AE:+971 50 318 2246}.	phone,phone
Riyadh office {tel:SA:+966 11 463 2287}.	phone
Saudi mobile {tel:SA:+966 55 318 4420} added for the delivery.	phone
Jerusalem office: {tel:IL:+972 2-624-3318}.	phone
Israeli mobile {tel:IL:+972 52-418-3307} on the ticket.	phone
Ankara office {tel:TR:+90 312 418 22 37}.	phone
Customer's Turkish mobile is {tel:TR:+90 533 418 72 90}.	phone
Manila office {tel:PH:+63 2 8812 4437}.	phone
Philippine mobile {tel:PH:+63 918 342 7710} for the technician.	phone
Petaling Jaya office {tel:MY:+60 3-7728 4410}.	phone
Malaysian mobile: {tel:MY:+60 16-318 2274}.	phone
Bangkok office {tel:TH:+66 2 318 4420}; Thai mobile {tel:TH:+66 89 318 2247}.	phone,phone
Hanoi office {tel:VN:+84 24 3825 4417}.	phone
Vietnamese mobile {tel:VN:+84 912 318 447} confirmed.	phone
Jakarta office: {tel:ID:+62 21 5794 2281}.	phone
Indonesian mobile {tel:ID:+62 812 3418 2270} noted.	phone
Customer in Lagos, mobile {tel:NG:+234 806 218 4473}.	phone
Nairobi office {tel:KE:+254 20 271 4438}; mobile {tel:KE:+254 722 418 390}.	phone,phone
Cairo office {tel:EG:+20 2 2736 4418}.	phone
Egyptian mobile {tel:EG:+20 101 418 2276} for the SMS receipts.	phone
Customer typed her number with no spaces: {tel:DE:+4917148290035}.	phone
Callback list: {tel:FR:+33153407218}, {tel:GB:+447723418905}.	phone,phone
Customer's number as written in the chat: {tel:IT:+39.347.218.5590}.	phone
Customer wrote {tel:US:+1.480.726.3391} in the web form.	phone

# --- phone: national format (with the trunk prefix where the country has one), read in the line's default region
Customer's office line is {tel:GB:0117 929 4410}.	phone	GB
Mobile on file: {tel:GB:07856 214309}	phone	GB
Customer asked us to call {tel:GB:0121 633 2874} instead of the mobile.	phone	GB
Customer: it's oh-seven-seven, no, {tel:GB:07723 418905}.	phone	GB
Agent updated the landline to {tel:DE:030 90182233}.	phone	DE
Customer's Handy: {tel:DE:0171 4829035}	phone	DE
Cologne office {tel:DE:0221 4710 3385} wants the technician before noon.	phone	DE
Customer can be reached on {tel:DE:0152 28934471}.	phone	DE
Customer's number is {tel:FR:01 53 40 72 18}.	phone	FR
Rappel demandé au {tel:FR:06 71 24 39 85} demain.	phone	FR
Customer typed {tel:FR:06.71.24.39.85} in the chat.	phone	FR
Agent confirmed the landline {tel:ES:914 36 28 75}.	phone	ES
Customer's mobile is {tel:ES:622 19 84 37}.	phone	ES
Wrap-up: Rome office ({tel:IT:06 4782 1193}) to be called after 15:00.	phone	IT
Il cliente chiede un SMS al {tel:IT:347 218 5590}.	phone	IT
Amsterdam office line noted as {tel:NL:020-624 53 18}.	phone	NL
Klant wil teruggebeld worden op {tel:NL:06-53182047}.	phone	NL
- Brussels office: {tel:BE:02 512 34 78}	phone	BE
Customer wrote her GSM as {tel:BE:0475/38.21.96} in the form.	phone	BE
Agent read back {tel:CH:044 268 35 70}; the customer confirmed.	phone	CH
Customer's Natel, {tel:CH:079 412 86 35}, verified by SMS code.	phone	CH
The Vienna shop's number is {tel:AT:01 405 2188}.	phone	AT
Next steps: call {tel:AT:0664 218 4730} on Monday.	phone	AT
Stockholm office switchboard: {tel:SE:08-412 38 90}	phone	SE
Customer asked that the technician call {tel:SE:070-318 42 95} on arrival.	phone	SE
{tel:FI:09 4728 3301} is the customer's Helsinki office.	phone	FI
Customer prefers texts to {tel:FI:040 718 2264}.	phone	FI
Dublin office, {tel:IE:(01) 677 4852}, open 9 to 5.	phone	IE
Caller's mobile number is {tel:IE:086 318 2047}.	phone	IE
Lisbon landline on the contract: {tel:PT:213 814 627}.	phone	PT
Warsaw office asked to be called on {tel:PL:22 583 71 40}.	phone	PL
Athens office {tel:GR:210 729 4183}, ask for accounts.	phone	GR
Customer can be reached on {tel:PT:912 487 350} until Friday.	phone	PT
Callback on {tel:PL:512 834 907} requested by the customer.	phone	PL
Agent confirmed {tel:CZ:603 217 894} as the contact number.	phone	CZ
Customer's landline in Budapest: {tel:HU:06 1 458 3012}.	phone	HU
Customer dictated {tel:HU:06 20 318 4572} for the courier.	phone	HU
Bucharest office line {tel:RO:021 318 7420} added.	phone	RO
Customer wants a call on {tel:RO:0745 218 903} before noon.	phone	RO
Summary: Norwegian customer, best reached on {tel:NO:934 21 876}.	phone	NO
The customer's phone ({tel:DK:51 27 43 86}) is switched off at night.	phone	DK
Tokyo office number on the order: {tel:JP:03-5412-8870}.	phone	JP
Customer asked for a callback to {tel:JP:090-3418-2276} in Japanese.	phone	JP
Customer's Beijing office line {tel:CN:010 6512 3478} was confirmed.	phone	CN
Seoul office {tel:KR:02-2187-4453} asked for an English invoice.	phone	KR
Agent updated the contact to {tel:KR:010-3318-2047}.	phone	KR
Bengaluru office landline: {tel:IN:080 4152 3370}	phone	IN
OTP goes to {tel:IN:098450 12347}.	phone	IN
Sydney office ({tel:AU:(02) 9374 4000}) is closed on public holidays.	phone	AU
Customer's number for delivery texts: {tel:AU:0412 385 907}.	phone	AU
Wellington office: {tel:NZ:04 472 3819}.	phone	NZ
Customer asked us to ring {tel:NZ:021 318 4472} rather than email.	phone	NZ
Taipei office {tel:TW:02 2718 4436} placed the order.	phone	TW
Customer's cell phone is {tel:TW:0912 345 678}.	phone	TW
São Paulo office phone {tel:BR:(11) 3045-2218}.	phone	BR
Cliente pediu contato pelo celular {tel:BR:(21) 98734-1162}.	phone	BR
Buenos Aires office, {tel:AR:011 4328-7712}, wants the invoice in pesos.	phone	AR
Johannesburg office number: {tel:ZA:011 486 3390}	phone	ZA
Courier to phone {tel:ZA:082 318 4470} at the gate.	phone	ZA
Abu Dhabi office {tel:AE:02 631 4478} requested Arabic support.	phone	AE
Customer's WhatsApp is {tel:AE:050 318 2246}.	phone	AE
Call the customer on {tel:IL:052-418-3307} after 17:00.	phone	IL
Ankara office landline {tel:TR:0312 418 22 37}.	phone	TR
Customer gave {tel:TR:0533 418 72 90} as the mobile.	phone	TR
Singapore customer's handphone: {tel:SG:8123 4417}	phone	SG
Hong Kong office {tel:HK:2810 4437} asked for a callback.	phone	HK
Customer's handphone {tel:MY:016-318 2274} verified.	phone	MY
Customer's number {tel:TH:089 318 2247} for the delivery rider.	phone	TH
Rider to text {tel:PH:0918 342 7710} on arrival.	phone	PH
Customer's Canadian cell is {tel:CA:604-875-2210}.	phone	CA

# --- phone: dialled with an exit code, dictated, with extensions
From the US the customer dials {tel:US:011 44 7723 418905} for her UK mobile.	phone
Agent wrote down {tel:US:011 49 30 9018 2233} for the Berlin office.	phone
Customer calls the Paris office on {tel:US:011 33 1 53 40 72 18}.	phone
The Australian customer gave {tel:AU:0011 64 21 318 4472} as the number she dials.	phone	AU
Customer listed the London number as {tel:DE:0044 117 929 4410}.	phone	DE
From Germany the customer rings {tel:DE:00 1 480 726 3391}.	phone	DE
Customer's Spanish mobile written {tel:FR:0034 622 19 84 37}.	phone	FR
Customer gave {tel:GB:00 31 20 624 5318} for the Dutch office.	phone	GB
Customer: my number is, um, {tel:US:480 726 3391}, yeah, that's the cell.	phone
[00:02:51] Customer: call me on {tel:GB:07856, 214, 309} please.	phone	GB
Agent: and a phone number? Customer: nine one nine, no sorry, {tel:US:(919) 833-4062}.	phone
Customer: it's plus four four, {tel:GB:+44 7723 418905}.	phone
[Customer] the number is {tel:FR:06 71 24 39 85} I repeat {tel:FR:06 71 24 39 85}	phone,phone	FR
Work number {tel:US:(503) 224-7810} x114.	phone
Customer's desk phone is {tel:US:+1 480 726 3391} ext. 2207.	phone
Reach the clinic on {tel:GB:+44 117 929 4410} extension 32.	phone
Front desk {tel:US:919-833-4062}, ext 5.	phone
Customer's home phone {tel:US:1-503-224-7810} (dialled with the 1).	phone
Customer asked us to use {tel:US:(415) 781-2290} from now on.	phone
- Best contact: {tel:US:212.334.7781} (cell)	phone
Agent updated the callback number from {tel:US:646-218-4470} to {tel:US:718-422-3385}.	phone,phone
Customer: I'm on {tel:US:773 318 2245} all day.	phone
Customer left a voicemail from {tel:US:(602) 418-3396} asking about the refund.	phone
Callback requested: {tel:US:404 218 7730}	phone
{tel:US:(617) 418-2259} - customer's daughter, authorised on the account.	phone
Customer's fax number {tel:US:312-418-2276} for the signed form.	phone
The customer can be texted at {tel:US:2064183307}.	phone
Caller ID showed {tel:US:+1 303 418 2207}; customer confirmed it's her mobile.	phone
Customer says {tel:US:8184182236} is her new number.	phone

# --- card: every scheme and length, grouped in many ways
Customer paid the outstanding balance with Visa {card:4:16:s}.	card
Agent Assist: customer read card number {card:4:16:d} before the agent could pause recording.	card
Wallet clean-up: removed the expired Visa {card:4:13:n}.	card
13-digit Visa on file: {card:4:13:s4.4.5}	card
Customer's 19-digit Visa Electron {card:4:19:s4.4.4.4.3} was declined at the kiosk.	card
Prepaid Visa {card:4:19:n} topped up by 50.	card
Customer: it's {card:4:16:s}, expiry twelve twenty-eight.	card
Card {card:4:16:s2} was read out in pairs by the customer.	card
Mastercard {card:51:16:s} charged twice for the same order.	card
Customer's Mastercard {card:52:16:d} has been reissued.	card
Mastercard ending sequence read in full: {card:53:16:n}.	card
Customer updated the card to {card:54:16:s}.	card
{card:55:16:s} - customer's business Mastercard.	card
2-series Mastercard {card:2221:16:s} added as the default.	card
Customer paid by Mastercard {card:2399:16:d}.	card
Card on the booking: {card:2614:16:n}	card
Mastercard {card:2720:16:s} was flagged for review.	card
Customer's Amex {card:34:15:s4.6.5} was charged the annual fee.	card
American Express {card:37:15:d4.6.5} used for the hotel deposit.	card
Amex card number given as {card:37:15:n}.	card
Customer read the Amex as {card:34:15:s4.4.4.3} over the phone.	card
Discover {card:6011:16:s} billed for the warranty.	card
Customer's Discover card is {card:644:16:d}.	card
Discover {card:649:16:n} was set as the backup card.	card
Customer paid with Discover {card:65:16:s}.	card
Customer's 19-digit Discover {card:6011:19:s4.4.4.4.3} was rejected by the terminal.	card
Discover {card:65:18:n} issued through the customer's credit union.	card
JCB {card:3528:16:s} used for the ticket purchase.	card
Customer's JCB card {card:3560:16:d} was charged in yen.	card
JCB {card:3589:16:n} refunded.	card
Customer read the 19-digit JCB {card:3540:19:s4.4.4.4.3}.	card
JCB {card:3575:17:n} shows a pending authorisation.	card
Diners Club {card:300:14:s4.6.4} on the corporate travel account.	card
Customer's Diners card {card:36:14:d4.6.4} was reissued.	card
Diners {card:305:14:n} was charged for the lounge.	card
Diners Club card {card:3095:14:s4.6.4} added to the profile.	card
Customer's UnionPay {card:62:16:s} was accepted at checkout.	card
UnionPay {card:62:17:n} used on the Shanghai order.	card
UnionPay card {card:6250:18:n} declined for insufficient funds.	card
Customer read UnionPay {card:62:19:s4.4.4.4.3}.	card
Maestro {card:6759:12:n} shows on the customer's statement.	card
Customer's Maestro card {card:5018:13:n} was used in store.	card
Customer's 14-digit Maestro {card:6762:14:s4.6.4} was charged at the kiosk.	card
Maestro {card:5020:15:n} charged the delivery fee.	card
Customer's Maestro {card:5038:16:s} expired last month.	card
Maestro {card:5893:17:n} was declined.	card
Maestro {card:6304:18:s4.4.4.4.2} from the customer's Irish bank.	card
Customer's Maestro {card:6763:19:s4.4.4.4.3}.	card
Maestro {card:6761:16:d} is the card for the direct payment.	card
Card: {card:4:16:s4.4.4.4}, expiry 03/29, CVV given (not recorded).	card
Customer pasted {card:4:16:n} into the chat window.	card
Order 58812 - paid with {card:55:16:s}.	card
Reference {card:4:16:n} in the customer's note is actually her card number.	card
Ticket #77120: customer asks to delete card {card:37:15:s4.6.5} from the profile.	card
Customer's card ({card:51:16:d}) was added to the fraud watchlist.	card
Customer gave the card number {card:4:16:s4.4.8}.	card
Transcript: Customer: four five... {card:4:16:s}... and the expiry is 11 27.	card
Two cards on file: Visa {card:4:16:s} and Amex {card:37:15:s4.6.5}.	card,card
Customer moved the subscription from {card:53:16:s} to {card:6011:16:s}.	card,card
Customer read the new Amex in threes: {card:34:15:s3}.	card

# --- iban: many countries, in groups of four and unspaced
Customer wants the refund sent to IBAN {iban:DE:s}.	iban
Payout account {iban:DE:n} confirmed by the customer.	iban
Agent verified the UK IBAN {iban:GB:s}.	iban
Customer's French IBAN is {iban:FR:s}.	iban
SEPA mandate signed for {iban:FR:n}.	iban
Spanish account for the direct debit: {iban:ES:s}	iban
Customer read the Italian IBAN {iban:IT:s}.	iban
Dutch IBAN {iban:NL:n} on the payment instruction.	iban
Belgian IBAN {iban:BE:s} added for refunds.	iban
Customer's Swiss IBAN is {iban:CH:s}.	iban
Liechtenstein IBAN {iban:LI:s} for the trust account.	iban
Austrian IBAN {iban:AT:s} confirmed.	iban
Polish IBAN {iban:PL:n} for the monthly instalments.	iban
Customer's Swedish IBAN {iban:SE:s}.	iban
Norwegian IBAN {iban:NO:s}.	iban
Danish IBAN {iban:DK:n}.	iban
Finnish IBAN {iban:FI:s} for the salary payment.	iban
Faroese IBAN {iban:FO:s} on the customer's mandate.	iban
Greenland IBAN {iban:GL:s}.	iban
Icelandic IBAN {iban:IS:s} for the refund.	iban
Irish IBAN {iban:IE:n}.	iban
Portuguese IBAN {iban:PT:s}.	iban
Monaco IBAN {iban:MC:s} on the yacht-club account.	iban
San Marino IBAN {iban:SM:s}.	iban
Andorran IBAN {iban:AD:s}.	iban
Maltese IBAN {iban:MT:s}.	iban
Cypriot IBAN {iban:CY:s}.	iban
Gibraltar IBAN {iban:GI:s}.	iban
Luxembourg IBAN {iban:LU:n}.	iban
Czech IBAN {iban:CZ:s}.	iban
Slovak IBAN {iban:SK:s}.	iban
Hungarian IBAN {iban:HU:s}.	iban
Slovenian IBAN {iban:SI:s}.	iban
Croatian IBAN {iban:HR:s}.	iban
Bosnian IBAN {iban:BA:s}.	iban
Serbian IBAN {iban:RS:n}.	iban
Montenegrin IBAN {iban:ME:s}.	iban
North Macedonian IBAN {iban:MK:s}.	iban
Albanian IBAN {iban:AL:s}.	iban
Kosovo IBAN {iban:XK:s}.	iban
Romanian IBAN {iban:RO:s}.	iban
Bulgarian IBAN {iban:BG:n}.	iban
Moldovan IBAN {iban:MD:s}.	iban
Ukrainian IBAN {iban:UA:s}.	iban
Greek IBAN {iban:GR:s}.	iban
Estonian IBAN {iban:EE:s}.	iban
Latvian IBAN {iban:LV:s}.	iban
Lithuanian IBAN {iban:LT:n}.	iban
Georgian IBAN {iban:GE:s}.	iban
Azerbaijani IBAN {iban:AZ:s}.	iban
Kazakh IBAN {iban:KZ:s}.	iban
Turkish IBAN {iban:TR:s}.	iban
Israeli IBAN {iban:IL:s}.	iban
Lebanese IBAN {iban:LB:s}.	iban
Jordanian IBAN {iban:JO:s}.	iban
Saudi IBAN {iban:SA:n}.	iban
UAE IBAN {iban:AE:s}.	iban
Qatari IBAN {iban:QA:s}.	iban
Kuwaiti IBAN {iban:KW:s}.	iban
Bahraini IBAN {iban:BH:s}.	iban
Palestinian IBAN {iban:PS:s}.	iban
Egyptian IBAN {iban:EG:s}.	iban
Tunisian IBAN {iban:TN:s}.	iban
Mauritian IBAN {iban:MU:s}.	iban
Pakistani IBAN {iban:PK:s}.	iban
Brazilian IBAN {iban:BR:s}.	iban
Costa Rican IBAN {iban:CR:s}.	iban
Dominican IBAN {iban:DO:s}.	iban
BVI IBAN {iban:VG:s}.	iban
Customer moved the payout from {iban:DE:s} to {iban:AT:s}.	iban,iban
Refund: {iban:NL:s} (customer asked for it within 5 days)	iban
Agent read back {iban:ES:n}; customer confirmed.	iban

# --- ssn
Customer verified identity with the SSN {ssn:d}.	ssn
SSN provided for the credit check: {ssn:d}	ssn
Customer: my social is {ssn:s}.	ssn
Agent noted the social security number {ssn:d} on the loan application.	ssn
The customer's SSN ({ssn:d}) was typed into the notes field by mistake.	ssn
{ssn:d} is the SSN the customer gave for the tax form.	ssn
Customer gave her spouse's SSN, {ssn:d}, for the joint account.	ssn
Ticket 40218: remove the SSN {ssn:d} from the case history.	ssn
Agent Assist flagged {ssn:s} as the customer's social.	ssn
[00:07:19] Customer: it's {ssn:d}, that's my social.	ssn
W-9 on file shows SSN {ssn:d}.	ssn
Customer corrected the SSN from {ssn:d} to {ssn:d}.	ssn,ssn
Identity check - SSN: {ssn:d}, verified.	ssn
Customer read his social security number {ssn:s} slowly.	ssn
Reference {ssn:d} in the notes is the customer's SSN.	ssn
Order 44120 blocked until the SSN {ssn:d} is confirmed.	ssn
Customer's dependant's SSN {ssn:d} added to the policy.	ssn
SSN {ssn:d} belongs to the account holder.	ssn
Customer typed {ssn:d} into the chat as the SSN.	ssn
Agent asked for the last four, customer read all nine: {ssn:d}.	ssn

# --- routing: ABA numbers near account words
Direct deposit set up with routing number {aba} and checking account 004471290.	routing
Customer's ABA {aba} for the wire.	routing
Routing {aba}, account 7730021184 (savings).	routing
Agent verified the routing number {aba} against the voided cheque.	routing
Customer read the bank's routing number as {aba}.	routing
RTN {aba} on the ACH form.	routing
Transit number {aba} for the customer's checking account.	routing
Customer's checking account at routing {aba} will receive the refund.	routing
ACH details: routing {aba} / acct 118830042.	routing
The savings account is with the bank on routing {aba}.	routing
Customer changed the direct deposit: new routing number {aba}.	routing
Account 0032917740 at ABA {aba} for the payroll.	routing
Customer: the routing is {aba} and the account is 56018822.	routing
Routing number {aba} - checking account ending 0042.	routing
The refund goes to checking, routing {aba}.	routing
Customer's credit union routing {aba} confirmed.	routing
Wire instructions: ABA {aba}, account 3340019921.	routing
Customer's paycheck goes to routing {aba}, savings account.	routing
Autopay from checking account (routing {aba}) was cancelled.	routing
Customer gave two routing numbers, {aba} and {aba}, for the split deposit into checking.	routing,routing

# --- email: varied shapes
Customer asked for the invoice at maria.lopez+billing@example.com.	email
Receipts should go to OConnor_J@example.co.uk from now on.	email
Escalation contact: support-team@help.example.org	email
Customer's login email is x7@example.net.	email
Agent updated the email to first.last@sub.example.com.au.	email
Customer's email renée.dubois@example.fr was confirmed.	email
E-mail address changed to jürgen.müller@example.de.	email
Customer wrote from <k.tan@example.sg> asking for a refund.	email
Send the quote to mailto:ops.desk@example.io please.	email
Customer (dana_r-92@example.info) wants a paper bill.	email
EMAIL: LEE.WONG@EXAMPLE.COM	email
Customer: it's jo dot smith... jo.smith77@example.org.	email
Customer's work address, p.nakamura@example.co.jp, bounces.	email
Password reset link sent to 3rd.floor.reception@example.com.	email
Customer asked us to copy her assistant, a.b.c@example.net.	email
- Email: h.van-der-berg@example.nl	email
Customer's email on file is wrong; correct one: m.garcia.ruiz@example.es.	email
Notifications go to alerts@status.example.com.	email
Customer's secondary email sam_o'neil@example.ie was added.	email
Agent emailed the summary to t.ng@example.hk and cc'd cs-lead@example.hk.	email,email
Customer's email address is ABC123@example.ORG.	email
Contact: olga.ivanova@example.ru (prefers email over phone)	email
Customer provided the email li.wei_2001@example.cn for the e-receipt.	email
Newsletter unsubscribe requested for peter@example.travel.	email
Customer's email, carla.b@example.com.br, was verified with a code.	email
Customer changed the email from old.addr@example.com to new.addr@example.com.	email,email
Customer said the email is kofi.mensah@example.com.gh.	email
Refund confirmation sent to a_long.name-with.parts@mail.example.co.za.	email
Customer: you can email me at ahmed.k@example.ae.	email
Agent verified email user%tag@example.com on the legacy account.	email
Chat transcript: customer types "my email is zoe@example.com".	email
The customer's email priya.sharma@example.in is the account login.	email

# --- dob: dates of birth with varied birth context
Agent verified the caller's DOB 21/09/1966 and postcode.	dob
Customer was born on March 27 1968.	dob
Date of birth: 1968-10-04	dob
Customer's birthday is 22 July 1979, per the account.	dob
D.O.B. 03/11/1985 confirmed by the caller.	dob
Customer born 1959-11-30 asked about the senior discount.	dob
Verification: name, DOB (05.06.1972), and last four of the card.	dob
The customer gave her date of birth as 9 February 1983.	dob
Agent: can you confirm your DOB? Customer: it's 17/08/1991.	dob
Customer's birthdate 1/12/1964 did not match the record.	dob
Birthday: Jan 3, 1992	dob
Customer (DOB 1977-05-01) requested a copy of her statements.	dob
Born 4th October 1955, the customer qualifies for the over-70 plan.	dob
Caller confirmed identity with birth date 12.09.1988.	dob
Date of birth on the policy: 28 February 1974.	dob
The customer's DOB was updated from 02/01/1980 to 01/02/1980.	dob,dob
Customer's son was born on 2 May 2009 and is being added as a user.	dob
Geburtsdatum 03.09.1966 laut Kundenakte.	dob
Date de naissance : 12/05/1973.	dob
Customer confirmed the birthday on file, 30 June 1969.	dob
DOB 7/4/86 given for the account holder.	dob
Customer said she was born on the 21st of March 1990.	dob
Customer's date of birth is 1945-12-25 (verified twice).	dob
The birth date listed, 19 Aug 1998, is correct.	dob
Account holder's birthday is November 5, 1962.	dob
Security check passed: DOB 23-Jan-1970, postcode matched.	dob
Customer mentioned he was born 11/11/1951 when asked for his age.	dob
Caller born on 08/30/1984 asked to update the address.	dob
- DOB: 1993-06-07 - Verified: yes	dob
Agent asked for date of birth and the customer said 3rd of April 1976.	dob
Customer's spouse, born 15 October 1971, is the second account holder.	dob
Birthday 16/04/2002, so the customer is 24.	dob
Customer gave her date of birth, 1982-08-19, for the credit check.	dob
Customer: date of birth is the fifth of... 5 January 1967.	dob

# --- ip: IPv4 and IPv6 addresses in support-call context
Customer's router shows a WAN address of 203.0.113.181.	ip
Login attempts came from 198.51.100.141 overnight.	ip
Customer's IPv6 address is 2001:db8:85a3::8a2e:370:7334.	ip
Agent asked the customer to set the gateway back to 192.168.8.254.	ip
DNS server configured as 10.44.7.19 on the customer's laptop.	ip
Link-local address fe80::1c2b:3aff:fe4d:5e6f shown in ipconfig.	ip
The customer's static IP, 172.16.254.3, was blocked by the firewall.	ip
Customer's public IP: 192.0.2.146	ip
Traffic from 100.64.12.9 was rate limited.	ip
Customer's modem pulled 2001:db8:4f1a:0:0:0:0:17 after the reset.	ip
Agent Assist: the customer cannot reach 10.0.4.21 from the VPN.	ip
Customer pinged 198.51.100.200 and got no reply.	ip
Fraud team flagged a login from 203.0.113.5 and a second from 198.51.100.64.	ip,ip
The customer's camera is at 192.168.4.63 on the home network.	ip
Customer reported that [2001:db8::1] refuses the connection.	ip
Customer's IPv6 prefix 2001:db8:1234:5600::1 was reassigned.	ip
Printer IP address 10.1.1.50 confirmed by the customer.	ip
Customer's IP changed from 192.0.2.14 to 192.0.2.88 during the call.	ip,ip
IP 172.20.10.2 (hotspot) was used for the order.	ip
Customer asked to whitelist 203.0.113.0 for the office.	ip
Technician note: customer's Wi-Fi gives out 192.168.50.1 as the gateway.	ip
Session originated at ::ffff:198.51.100.9 according to the logs.	ip
The customer's NAS lives at fd12:3456:789a:1::10.	ip
Customer says her laptop has 169.254.12.7, so DHCP failed.	ip
Agent reset the port forward to 192.168.1.101:8080.	ip
Customer's IP address 203.0.113.214 was on the block list.	ip

# --- mixed: several kinds in one line
Summary: customer (DOB 19/02/1975) paid with {card:4:16:s} and wants the receipt at r.okafor@example.com.	dob,card,email
Customer's new details - mobile {tel:GB:+44 7723 418905}, email f.hughes@example.co.uk.	phone,email
Agent verified SSN {ssn:d} and the date of birth 06/22/1964 before unlocking the account.	ssn,dob
Refund of 129.00 to {iban:IT:s}; notification to g.romano@example.it.	iban,email
Direct deposit: routing {aba}, checking account 220184771; confirmation to payroll@example.com.	routing,email
Customer in Munich ({tel:DE:+49 89 3318 2247}) disputes a charge on {card:51:16:s}.	phone,card
Login from 198.51.100.77 used b.schulz@example.de and card {card:4:16:n}.	ip,email,card
[00:03:05] Customer: my number's {tel:US:(708) 318-4410} and the email is lucy.t@example.com.	phone,email
Customer born 12 December 1980 asked to move the payout from {iban:FR:s} to {iban:BE:s}.	dob,iban,iban
Caller gave the card {card:37:15:s4.6.5} and phone {tel:US:+1 786 318 2205} for the booking.	card,phone
Fraud review: IP 203.0.113.201, email zz.top@example.net, SSN {ssn:d}.	ip,email,ssn
Customer's mobile {tel:FR:+33 6 18 42 27 73} and IBAN {iban:FR:n} were updated together.	phone,iban
Next steps: email the forms to k.osei@example.org, call back on {tel:US:470-318-2291} Friday.	email,phone
Agent Assist detected a card ({card:6011:16:s}) and a social ({ssn:d}) in the transcript.	card,ssn
Customer (born 1988-07-23, {tel:ES:+34 655 47 12 98}) wants Spanish-speaking support.	dob,phone
Payment moved from card {card:52:16:d} to bank account {iban:GB:s}.	card,iban
Customer's laptop at 192.168.1.15 could not send mail as w.ali@example.co.uk.	ip,email
Key points: DOB 02.11.1958; phone {tel:CH:+41 79 318 22 47}; email hans.weber@example.ch.	dob,phone,email
Customer read routing {aba} and then the card {card:4:16:s} for the backup payment on the checking account.	routing,card
Customer's daughter (born 4 June 2012) is added; parent's email anna.k@example.pl.	dob,email
Callback {tel:AU:0413 318 227}, email mia.chen@example.com.au, order 20441 pending.	phone,email	AU
Customer shared the IPv6 2001:db8:aa::7 and the router login admin@example.net.	ip,email
SSN {ssn:d}, DOB 1969-01-30, phone {tel:US:(615) 318-4427}: all verified.	ssn,dob,phone
Wire: ABA {aba}, account 44019288; beneficiary email treasury@example.com.	routing,email
Customer's JCB {card:3530:16:s} declined; she gave {tel:JP:+81 80-3318-2294} for the bank to call.	card,phone
Customer: my IBAN is {iban:NL:s} and my mobile {tel:NL:06 21 84 47 30}.	iban,phone	NL

# --- transcript turns: several kinds as Speech & Text Analytics writes them
Agent: Can I take the long number on the card? Customer: yes, it's {card:4:16:s}.	card
Customer: the account's under my email, n.baptiste@example.fr. Agent: thank you.	email
Agent: what's the date of birth on the account? Customer: twelfth of April, 12/04/1979.	dob
Customer: my routing number is {aba}, and it's a checking account.	routing
Agent: and your social? Customer: {ssn:d}.	ssn
Customer: I'm calling from {tel:US:(347) 418-2290} but the one on file is {tel:US:(929) 318-4471}.	phone,phone
Agent: I can see your IP as 198.51.100.250, is that your home connection? Customer: yes.	ip
Customer: the IBAN is {iban:DE:s}, shall I spell it? Agent: no, that's fine.	iban
[00:09:41] Agent: could you confirm your date of birth please? [00:09:45] Customer: 1 October 1961.	dob
Customer: ok so it's plus three three, um, {tel:FR:+33 6 44 18 27 90}.	phone
Agent: thanks, I've got {tel:US:(206) 418-7732} as your callback number.	phone
Customer: email's g.kowalski@example.pl, phone {tel:PL:+48 601 318 447}.	email,phone
Agent: and the card expiry? Customer: 09/30. Agent: and the number? Customer: {card:55:16:s}.	card
Customer: my old card was {card:4:16:s} but they sent me {card:4:16:s} last week.	card,card
Agent: I'll text the link to {tel:GB:+44 7723 418905}, is that right? Customer: yes.	phone
Customer: my date of birth is twenty-third of May, 23/05/1987, and postcode is LS1 4DY.	dob
Agent: Could you read me the account and routing? Customer: routing {aba}, account 7733012.	routing
Customer: it's my wife's social actually, {ssn:s}.	ssn
Agent: what address should the confirmation go to? Customer: hello@j-moreau.example.com.	email
Customer: the server's on 10.8.0.14 and the backup on 2001:db8:c0::2f.	ip,ip

# --- hard negatives: order, tracking, ticket, case and invoice numbers
Customer chased order 6618203947 which has not left the depot.	-
Order #5520-8841-3307 was cancelled at the customer's request.	-
Tracking number 1Z 4X7 W21 03 8841 2290 shows the parcel in transit.	-
USPS tracking 9400 1000 0000 0000 0000 00 has no scan yet.	-
DHL Express 1234567890 was returned to sender.	-
Parcel JJD000390007481523 is waiting at the pickup point.	-
Royal Mail item RR318224471GB signed for by a neighbour.	-
Case 01284476 escalated to the billing team.	-
Ticket INC-2026-118307 closed after the customer confirmed the fix.	-
Customer referenced ticket #884 120 from last week.	-
Invoice INV-00044812 shows the wrong VAT rate.	-
Invoice number 2026-11-0442 was credited in full.	-
Credit note CN/2026/0917 issued against invoice 2026/0412.	-
Reference 7C4-QX9-22L for the callback request.	-
Booking ref 4KJ8PW for the flight on Thursday.	-
Customer quoted reference 30017742 from the letter.	-
Order 2026-0311-7742 split across two warehouses.	-
Return authorisation RA-55812-B approved.	-
Work order WO 7731 0028 scheduled for the engineer.	-
Customer's case CAS-44128-Z7N2 was merged into the parent case.	-
Dispute reference 7710 3348 1190 opened with the merchant.	-
Payment reference PAY20261128-004417 reconciled.	-
Parcel number 0034 0431 8220 1774 5519 held at customs.	-
Collection reference 88-4471-22 given to the driver.	-
Customer's purchase order 4500317722 needs a new line item.	-
Quote 2026Q4-0318 expires on Friday.	-
Claim reference CLM/22/004417 is under review.	-
Customer's complaint number 20261127-3318 was acknowledged.	-
Shipment ID 770 318 224 471 split in two.	-
Order numbers 100238, 100241 and 100299 refunded.	-
Replacement order 3318-2240-77 dispatched.	-
Service request SR-0031884 logged for the outage.	-
Repair job 2026/8841 awaiting parts.	-
Customer's loyalty card number 6301 8842 1 was merged.	-
Ticket 61184 reopened; previous ticket 60997.	-
Membership number M-0044-3318 renewed for a year.	-
Customer's policy PL-33182-2047 renews in January.	-
Mandate reference MNDT-000441-DE was cancelled.	-
Tracking ID 4203 3188 9400 1118 9956 4422 17 shows delivered.	-
The order from Tuesday (order 88412) still shows processing.	-

# --- hard negatives: prices, amounts, balances and percentages
Customer was billed $1,318.22 instead of $1,218.22.	-
Refund of EUR 449,90 processed to the original payment method.	-
Customer's outstanding balance is £3,741.08.	-
Account balance after the credit: 12,004.55 USD.	-
The upgrade costs 19.99 a month for 24 months, 479.76 in total.	-
Customer was charged 4 x 87.50 for the add-ons.	-
Late fee of 35.00 waived as a goodwill gesture.	-
Customer asked why the bill rose 12.5% from 84.20 to 94.73.	-
Interest rate 4.79% APR on the balance transfer.	-
The total with VAT is 2.318,40 EUR.	-
Customer's credit limit is 15 000 SEK.	-
Customer's data usage: 38.4 GB of 60 GB, 64% used.	-
Cashback of 2% (41.18) credited to the account.	-
Customer paid 1 318 400 KRW for the annual plan.	-
Discount of 33.3% applied to the first 3 months.	-
Customer disputes 7 charges totalling 1,044.93.	-
The customer's savings balance is 48,210.77 and checking is 1,902.44.	-
Premium increased from 1,120.00 to 1,318.00 per year.	-
Minimum payment due is 25.00 of 1,947.20.	-
Customer won 250.00 in the referral promotion.	-
Exchange rate 1.0842 applied to the 3,200.00 transfer.	-
Customer's monthly spend averages 2,114.60 over 12 months.	-
Settlement offer of 6,500.00 accepted.	-
Unit price 0.1318 per kWh, standing charge 0.4471 per day.	-
Customer bought 3 tickets at 118.00 each.	-

# --- hard negatives: times and durations
Customer called at 09:14, 11:42 and 16:58.	-
Hold time 00:06:31, talk time 00:21:07.	-
Engineer window 13:00-17:00 on the day.	-
[00:14:22] Agent: I'll put you on hold for a couple of minutes.	-
Outage from 02:10 to 04:45 CET affected the customer's line.	-
Average handle time dropped to 6m 48s.	-
Customer waited 47 minutes in the queue.	-
The callback is booked for 15:30 local time.	-
Broadband drops every 20 to 30 minutes since 18:00.	-
Service restored at 23:59:59 UTC.	-
Customer's contract has 14 months and 12 days left.	-
Shop opens 8:30 am to 9:00 pm weekdays.	-
Response time SLA is 4h, resolution 24h.	-
Recording starts at 00:00:00 and ends at 00:32:18.	-
Customer rang back after 1 hr 15 min.	-

# --- hard negatives: dates that are not birth dates
Installation booked for 12/12/2026 between 8 and 12.	-
Delivery date moved from 2026-12-02 to 2026-12-05.	-
Payment is due on 15 January 2027.	-
Customer's contract started 01.03.2024.	-
Direct debit will be taken on 27/11/2026.	-
Appointment confirmed: Tuesday 8 December 2026, 10:30.	-
Customer ordered a birthday gift on 3 November 2026 that never arrived.	-
The birthday sale ran from 11/01/2026 to 11/07/2026.	-
Customer wants the cake for the office party delivered on 19 December 2026.	-
Birthday card campaign mailed on 2026-10-14.	-
The idea for the loyalty scheme was born at the 2024-05-21 workshop.	-
This stubborn fault has been open since 03/11/2026.	-
Airborne shipment left the hub on 27 Nov 2026.	-
The first-born child discount on the family plan expired on 31.10.2026.	-
The new tariff was born out of the merger completed 1 July 2025.	-
The date of birth field was changed by the agent on 20/11/2026.	-
Birth certificate copy issued 2026-09-18 was uploaded for the name change.	-
Customer's account was opened on 12 March 2015.	-
Warranty expires 2027-04-30.	-
Card expiry 10/28 updated in the wallet.	-
Customer moved out on 30/09/2026 and wants the final bill.	-
The promotion ends 31 December 2026 at midnight.	-
Last payment received 2026-11-02.	-
Customer's flight was on 22/10/2026; refund requested.	-
Customer first reported the issue on November 3, 2026.	-
Meter reading taken 02/11/2026.	-
Renewal date: 1 Feb 2027.	-
The customer's lease began 2023-08-15 and ends 2026-08-14.	-
Newly born product line launched on 05.05.2026, customer asked about it.	-
Statement period 01/10/2026 - 31/10/2026.	-
Customer's anniversary dinner booking on 14 February 2027 was cancelled.	-
Customer's order was placed on 7/11/2026 and shipped 7/13/2026.	-
The birthday bonus was credited on 2026-11-21.	-
Reborn edition ships 2027-01-15.	-
Date of incident: 11/18/2026.	-

# --- hard negatives: software versions and build numbers
Customer's app is on version 4.18.2.7.	-
Router firmware 1.0.3.142 has the known DNS bug.	-
The set-top box runs software 7.2.0.19.	-
Build 2.41.0.3 crashes on launch for the customer.	-
Customer updated the driver to 30.0.101.1191.	-
SDK version 6.3.12.0 is deprecated.	-
Customer's Windows shows 10.0.19045.3803.	-
Firmware is now 3.10.4.2 after the update.	-
The mobile app 12.4.1 fixed the login loop.	-
Customer's browser is Firefox 120.0.1.	-
Release 2026.11.3.1 rolled out to the customer's region.	-
Patch 9.1.0.22 installed on the terminal.	-
Customer downgraded the app to 5.0.2.11.	-
Console version 22.14.3.8 needs an update.	-
Thermostat update 2.2.2.4 failed to install.	-
Modem firmware version 17.3.0.255.	-
Customer reports the OS build 23.1.4.9 freezes.	-
Upgraded client from 8.0.0.1 to 8.0.1.3.	-
Plugin version 1.9.8.76 is incompatible with the theme.	-
Customer's smart TV runs 5.4.0.120.	-
Policy clause 4.2.1.3 covers accidental damage.	-
Customer read section 2.1.3.4 of the terms.	-
MAC address 3C:22:FB:41:07:9A registered to the customer's router.	-
Error code 0x8007 0002 shown during the update.	-
Customer's laptop model 14-dq2031 needs a new battery.	-

# --- hard negatives: 16-digit and other card-length numbers that fail Luhn
Customer read a 16-digit gift card code, {badcard:4:16:s}, which is not a payment card.	-
Loyalty number {badcard:5:16:s} linked to the account.	-
Voucher code {badcard:6:16:n} redeemed at checkout.	-
Tracking {badcard:4:16:n} from the courier.	-
Customer's library barcode {badcard:3:16:s} was scanned.	-
Reward card {badcard:54:16:d} has 1,200 points.	-
Transaction reference {badcard:4:16:d}.	-
Membership card {badcard:37:15:s4.6.5} for the gym.	-
Utility reference {badcard:6011:16:s} on the bill.	-
Parcel reference {badcard:62:19:n} from the marketplace.	-
Store card {badcard:4:13:n} is not accepted online.	-
Customer typed {badcard:51:16:s}, which the payment page rejected as invalid.	-
Fuel card {badcard:2221:16:s} used at the pump.	-
Top-up code {badcard:35:16:n} applied.	-
Event ticket {badcard:36:14:n} scanned at the gate.	-
Customer's transit card {badcard:4:16:s} was refunded.	-

# --- hard negatives: 9-digit numbers that fail the routing or SSN rules
Customer's loyalty account {nonaba} has 3,100 points.	-
Policy number {nonaba} renewed.	-
Case {nonaba} closed with no further action.	-
Customer quoted claim {nonaba}.	-
Store account reference {nofed} for the trade discount.	-
Customer's utility account {nofed} moved to paperless billing.	-
Shipment {nofed} left the warehouse.	-
Member ID {nonaba} added to the booking.	-
Claim {ssn:d:area0} approved.	-
Ticket {ssn:d:area666} escalated.	-
Part number {ssn:d:area9} is back-ordered.	-
Batch {ssn:d:group0} was reprocessed.	-
Internal reference {ssn:d:serial0} for the refund run.	-
Customer's case {ssn:s:area0} was reopened.	-
Lot {ssn:d:area9} recalled.	-
Reference {ssn:s:serial0} from the warehouse.	-

# --- hard negatives: IBAN-shaped strings with wrong check digits
Customer read {badiban:DE:s} but the bank rejected it as invalid.	-
IBAN {badiban:GB:s} failed validation; customer will check the statement.	-
Mandate refused: {badiban:FR:s} is not a valid IBAN.	-
The form rejected {badiban:NL:n}.	-
Customer's typo {badiban:IT:s} bounced the payment.	-
Invalid IBAN {badiban:ES:s} on the refund request.	-
{badiban:BE:s} could not be verified.	-
Checksum failed for {badiban:PL:s}.	-
Customer gave {badiban:CH:s}; validation error.	-
Bank returned {badiban:AT:n} as non-existent.	-
Rejected: {badiban:SE:s}.	-
Customer's IBAN attempt {badiban:PT:s} was wrong.	-

# --- hard negatives: phone-shaped numbers that are not valid in their numbering plan
Claim number {nottel:US:123-456-7890} in the insurer's letter.	-
Customer referenced case {nottel:US:415-012-3344}.	-
PO {nottel:US:212-055-0143} approved by finance.	-
Work order {nottel:US:(100) 318-2245} closed.	-
Tracking {nottel:US:099-318-4472} shows no movement.	-
Authorisation code {nottel:US:911-318-2247} was declined.	-
Order reference {nottel:GB:04471 318220} is on the email.	-	GB
Customer's order {nottel:IN:55318 44712} is delayed.	-	IN
Commande {nottel:FR:00 12 34 56 78} en cours de livraison.	-	FR
Vorgang {nottel:DE:0100 1234567} wurde geschlossen.	-	DE
Ticket {nottel:US:1-800-000-0000} appears on the form.	-
Job number {nottel:AU:0000 318 447} assigned to the installer.	-	AU

# --- hard negatives: serial numbers, postcodes and other codes
Device serial SN 7H4K-2210-0318 is out of warranty.	-
Serial number 5CG2041XQ7 registered to the account.	-
Router serial 2210 4471 3318 needs a firmware push.	-
Customer lives in postcode M1 1AE.	-
Delivery to postcode 80331 München.	-
Customer's ZIP code 30309-4471.	-
Postal code K1A 0B1 on the form.	-
Address: 2000 Sydney NSW.	-
Customer's PIN code 400001 (Mumbai).	-
Postcode 1011 AB, Amsterdam.	-
Customer's flat is number 14, block 2, 3rd floor.	-
Promo code WINTER26 applied to the order.	-
Customer entered the wrong PIN 3 times and is locked out.	-
Wi-Fi network name HOME-4471 was changed.	-
Warehouse bay AB12-CDE holds the returned units.	-
Product code 8717418223345 is out of stock.	-
ISBN 978-0-306-40615-7 was missing from the order.	-
The customer's smart meter ID 18P0043318 was replaced.	-
Licence key 7QX2-K9PL-44RT-8812 reactivated.	-
Customer's seat 14C on the 18:40 departure.	-
Extension 2207 is the billing desk.	-
Customer pressed option 3, then 1.	-
Customer's speed test: 94.3 Mbps down, 18.7 Mbps up, 12 ms.	-
Error 0x80240017 during the install.	-
Customer's screen resolution 2560x1440 at 144 Hz.	-
Social handle @ExampleSupport replied to the customer.	-
Hashtag #WinterDeals26 trended after the campaign.	-
Room 318, building 4, floor 2.	-
Cell tower at 48.1374, 11.5755 reported congestion.	-
Queue 4471 handles Dutch callers.	-

# --- no PII: summaries without personal values
Customer reported intermittent internet drops; agent reset the line remotely and scheduled a check.	-
Customer asked to cancel the subscription; agent offered a discount and the customer accepted.	-
- Contact reason: billing question - Resolution: explained the proration - Sentiment: positive	-
Agent verified the customer using the security questions; no changes were made to the account.	-
Customer complained about a rude technician; the complaint was logged and the customer will get a call from a manager.	-
Summary: customer wanted to know the roaming charges for Canada; agent explained the day pass.	-
Customer's card was declined abroad; agent advised contacting the issuing bank.	-
Customer asked whether the phone number and email on file are up to date; agent confirmed they are.	-
The customer mentioned her birthday is coming up and asked about gift wrapping.	-
Agent explained how to find the IBAN on the banking app; the customer will add it online.	-
"""

if __name__ == "__main__":
    sys.exit(verify() if sys.argv[1:] == ["--verify"] else main())
