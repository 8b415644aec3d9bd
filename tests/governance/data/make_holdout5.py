#!/usr/bin/env python3
"""Writes pii_corpus_holdout5.tsv: the fifth out-of-sample PII corpus (issue 16).

Written blind to the detector: its writer read only the kinds table of the
user documentation (docs/pii.md), the issue and the corpus file format, never
the detector's source, its unit tests, its documented rules or misses, or the
tuning corpus, and never ran the scanner or any insightd binary on these lines.
Committed before the scanner ever ran on it, to be measured once and never
tuned on. The lines are new contexts (insurance claims, telecom support,
banking disputes, travel rebooking, healthcare scheduling, utilities,
e-commerce returns, B2B support) phrased as Copilot summaries, Agent Assist
wrap-up notes and Speech & Text Analytics transcripts phrase them, with
longer multi-sentence summaries and transcript excerpts of several turns.

Labels are what a compliance officer would call PII, decided when the line was
written: every personal value is wrapped in a placeholder naming its kind, and
a line's label is the kinds of its placeholders in order ("-" when none).
Phone numbers labelled as phones were confirmed valid in their country's
numbering plan with python3-phonenumbers (8.12, as Debian 12 ships it), the
phone-shaped hard negatives confirmed invalid; card, IBAN and routing values
get their check digits here, hard negatives get deliberately wrong ones.
No sentence and no run of seven or more digits repeats one of holdouts 1-4.
Synthetic values: example domains, fictional phone ranges where the plan has
them (UK drama numbers, US 555-01xx, Australian 5550/570), documentation and
private IP ranges; no line holds a real person's data.

Deterministic (fixed seed): `python3 make_holdout5.py > pii_corpus_holdout5.tsv`;
`python3 make_holdout5.py --verify` checks the values and the reuse instead
(needs python3-phonenumbers) and prints the counts per kind.
"""
import random
import re
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside the corpus files
from make_holdout3 import aba_ok, grouped, luhn_sum, mod97  # noqa: E402 (checksum helpers only)
from make_holdout4 import BBAN, BBAN_CHARS, IBAN_LENGTH  # noqa: E402 (registered IBAN shapes only)

rng = random.Random(5_2026_11_30)

FED_PREFIXES = [f"{p:02d}" for p in [*range(1, 13), *range(21, 33), *range(61, 73), 80]]
NOT_FED_PREFIXES = [f"{p:02d}" for p in [*range(13, 21), *range(33, 61), *range(73, 80), *range(81, 100)]]


def digits(n):
    return "".join(str(rng.randrange(10)) for _ in range(n))


def layout(number, spec):
    """spec "n": unseparated; else a separator ("s" space, "d" dash) then
    group sizes joined by "." ("s4.6.5"); a single size repeats ("d4")."""
    if spec == "n":
        return number
    sizes = [int(s) for s in (spec[1:] or "4").split(".")]
    if len(sizes) == 1:
        size = sizes[0]
        sizes = [size] * (len(number) // size) + ([len(number) % size] if len(number) % size else [])
    return grouped(number, spec[0], sizes)


def card(prefix, length, spec, valid=True):
    while True:
        n = prefix + digits(int(length) - len(prefix))
        if (luhn_sum(n) == 0) == valid:
            return layout(n, spec)


def iban(country, spec, valid=True):
    b = "".join(rng.choice(BBAN_CHARS[c]) if c in BBAN_CHARS else c for c in BBAN[country])
    check = 98 - mod97(country + "00" + b)
    if not valid:
        check = (check + rng.choice([2, 5, 7, 11, 19])) % 97
        check = max(check, 2)
    n = f"{country}{check:02d}{b}"
    assert len(n) == IBAN_LENGTH[country] and (mod97(n) == 1) == valid, n
    return layout(n, spec)


def aba(valid_prefix=True, valid_checksum=True):
    while True:
        n = rng.choice(FED_PREFIXES if valid_prefix else NOT_FED_PREFIXES) + digits(7)
        if aba_ok(n) == valid_checksum:
            return n


def ssn(sep, fault=None):
    """An SSN in the issued ranges, or with `fault` one just outside them."""
    parts = [rng.choice([a for a in range(1, 900) if a != 666]), rng.randrange(1, 100), rng.randrange(1, 10000)]
    if fault == "area000":
        parts[0] = 0
    elif fault == "area666":
        parts[0] = 666
    elif fault == "area9":  # 9xx with a group below 50 is neither an SSN nor an ITIN
        parts[:2] = [rng.randrange(900, 1000), rng.randrange(1, 50)]
    elif fault == "group00":
        parts[1] = 0
    elif fault == "serial0000":
        parts[2] = 0
    return {"d": "-", "s": " "}[sep].join(f"{v:0{w}d}" for v, w in zip(parts, (3, 2, 4)))


IBAN_SHAPE = r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{1,4}){3,8}\b"
PHONES = []  # (region, literal, should be valid) for --verify


def literal_phone(valid):
    def make(region, literal):
        PHONES.append((region, literal, valid))
        return literal
    return make


# Placeholder -> (kind it labels or None, maker of its text from its arguments).
MAKERS = {
    "tel": ("phone", literal_phone(True)),
    "nottel": (None, literal_phone(False)),
    "mail": ("email", lambda text: text),
    "ip": ("ip", lambda text: text),
    "dob": ("dob", lambda text: text),
    "card": ("card", lambda prefix, length, spec: card(prefix, length, spec)),
    "badcard": (None, lambda prefix, length, spec: card(prefix, length, spec, valid=False)),
    "iban": ("iban", lambda country, spec: iban(country, spec)),
    "badiban": (None, lambda country, spec: iban(country, spec, valid=False)),
    "ssn": ("ssn", lambda sep: ssn(sep)),
    "badssn": (None, lambda sep, fault: ssn(sep, fault)),
    "aba": ("routing", lambda: aba()),
    "nonaba": (None, lambda: aba(valid_checksum=False)),
    "nofed": (None, lambda: aba(valid_prefix=False)),
}
LITERAL = ("tel", "nottel", "mail", "ip", "dob")  # the rest of the placeholder is text, ":" included
PLACEHOLDER = re.compile(r"\{(aba|nonaba|nofed|[a-z]+:[^{}\t]*)\}")
REGION = re.compile(r" ~([A-Z]{2})$")


def expand_line(line):
    """(text, kinds, region) of one corpus line."""
    region = ""
    m = REGION.search(line)
    if m:
        region, line = m.group(1), line[:m.start()]
    kinds = []

    def expand(match):
        name, _, rest = match.group(1).partition(":")
        kind, maker = MAKERS[name]
        if kind:
            kinds.append(kind)
        args = [rest] if name in LITERAL else (rest.split(":") if rest else [])
        if name in ("tel", "nottel"):
            args = rest.split(":", 1)
        return maker(*args)

    text = PLACEHOLDER.sub(expand, line)
    assert "{" not in text and "}" not in text and "\t" not in text, line
    return text, ",".join(kinds) or "-", region


def generate():
    """Yields (output line, kinds or None for comments, section)."""
    section = ""
    for line in CORPUS.strip("\n").split("\n"):
        if line.startswith("# ---"):
            section = line
        if line.startswith("#") or not line.strip():
            yield line, None, section
            continue
        text, kinds, region = expand_line(line)
        if "hard negative" in section or "no PII" in section:
            assert kinds == "-", line
        else:
            assert kinds != "-", line
        yield "\t".join([text, kinds] + ([region] if region else [])), kinds, section


def main():
    print(__doc__.strip().replace("\n", "\n# ").join(["# ", ""]).replace("\n# \n", "\n#\n"))
    print("# Format: <text> TAB <kinds or -> [TAB <default region>], as in pii_corpus.tsv.")
    for text, _, _ in generate():
        print(text)


def verify():
    """Checks every value against its kind's rule and the earlier holdouts."""
    import collections
    import pathlib

    import phonenumbers

    rows = [(t, k, s) for t, k, s in generate() if k is not None]
    kinds = collections.Counter(kind for _, k, _ in rows for kind in k.split(",") if kind != "-")
    hard = sum(1 for _, _, s in rows if "hard negative" in s)
    negatives = sum(1 for _, k, _ in rows if k == "-")
    bad = []
    countries = set()
    for region, literal, valid in PHONES:
        try:
            number = phonenumbers.parse(literal, region)
            ok = phonenumbers.is_valid_number(number)
        except phonenumbers.NumberParseException:
            ok, number = False, None
        if ok != valid:
            bad.append(f"{'invalid' if valid else 'VALID'} phone: {region} {literal}")
        elif ok:
            countries.add(phonenumbers.region_code_for_number(number))
    for text, k, _ in rows:
        sentence, _, region = (text.split("\t") + [""])[:3]
        if k != "-":
            continue
        # A hard negative must not hold a value its kind's rule would accept.
        ibans = [m.span() for m in re.finditer(IBAN_SHAPE, sentence)]
        for match in phonenumbers.PhoneNumberMatcher(sentence, region or "US", leniency=phonenumbers.Leniency.VALID):
            if not any(a <= match.start and match.end <= b for a, b in ibans):  # digits inside an IBAN are no phone
                bad.append(f"negative holds a valid phone ({match.raw_string}): {sentence}")
        for run in re.findall(r"\d[\d -]{10,}\d", sentence):
            number = re.sub(r"[ -]", "", run)
            if 12 <= len(number) <= 19 and luhn_sum(number) == 0:
                bad.append(f"negative holds a Luhn-valid number ({run}): {sentence}")
        for run in re.findall(IBAN_SHAPE, sentence):
            if mod97(run.replace(" ", "")) == 1:
                bad.append(f"negative holds a mod-97-valid IBAN ({run}): {sentence}")
        for run in re.findall(r"(?<![\d.-])\d{9}(?![\d.-])", sentence):
            if aba_ok(run) and run[:2] in FED_PREFIXES:
                bad.append(f"negative holds an ABA-valid number ({run}): {sentence}")
    here = pathlib.Path(__file__).parent
    earlier = "".join((here / f"pii_corpus_holdout{n}.tsv").read_text() for n in ["", "2", "3", "4"])
    earlier_lines = {line.split("\t")[0] for line in earlier.split("\n")}
    joined = re.compile(r"(?<=\d)[ .()/-](?=\d)")
    earlier_runs = set(re.findall(r"\d{7,}", joined.sub("", earlier)))
    seen = set()
    for text, _, _ in rows:
        sentence = text.split("\t")[0]
        if sentence in earlier_lines:
            bad.append(f"sentence reused: {sentence}")
        if sentence in seen:
            bad.append(f"sentence twice: {sentence}")
        seen.add(sentence)
        for run in re.findall(r"\d{7,}", joined.sub("", sentence)):
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
Claim summary: policyholder reported hail damage to the car roof; adjuster to call {tel:US:+1 303 555 0182} before the inspection.
Telecom support - caller's SIM stopped registering after the port-in. Contact: {tel:US:+1 (512) 555-0143}.
{tel:US:+1-704-555-0119} was confirmed as the callback number for the chargeback dispute.
Travel rebooking: passenger stranded in Denver after the cancellation, reachable on {tel:US:+1 720 555 0176} while at the airport.
Toronto clinic patient rescheduled the MRI; text reminders go to {tel:CA:+1 416 555 0134}.
Montreal B2B account: the procurement lead asked for quotes to be phoned through to {tel:CA:+1 (514) 872-3390}.
Utility outage report from a London tenant, landline {tel:GB:+44 20 7946 0321}, supply off since the morning.
Return of a faulty blender approved - the courier will ring {tel:GB:+44 161 496 0732} to book the collection.
Bank dispute: card holder in Edinburgh, best number {tel:GB:+44 131 496 0588}, says the merchant never shipped.
Agent Assist note (Leeds depot): driver's mobile {tel:GB:+44 7911 283 640} added to the delivery slot.
Healthcare scheduling - Dublin patient wants the physio slot moved; mobile {tel:IE:+353 87 214 6093}.
Cork broker phoned about the fleet policy renewal (office {tel:IE:+353 21 427 3819}).
Versicherungsfall: Wasserschaden in der Küche, Rückruf an {tel:DE:+49 89 2174 3806} erbeten.
Customer in Hamburg switched energy tariff; SMS confirmation to {tel:DE:+49 176 2384 9105}.
Graz patient cancelled the follow-up, reachable at {tel:AT:+43 316 873 204}.
Austrian caller's mobile is {tel:AT:+43 676 384 2291}; asked to be called after lunch.
Broadband complaint from Bern - line {tel:CH:+41 31 332 47 18} crackles since the storm.
Summary: Swiss traveller missed the connection in Frankfurt; rebooked, mobile {tel:CH:+41 78 615 23 94} for updates.
Résumé : le client conteste un prélèvement, rappel souhaité au {tel:FR:+33 1 99 00 27 41}.
Lyon customer returning a coffee machine; courier will call {tel:FR:+33 4 78 62 19 35}.
Mobile du client : {tel:FR:+33 7 81 42 56 30} (messagerie pleine).
Antwerp warehouse manager ({tel:BE:+32 3 231 84 52}) chased the missing pallet.
Belgian policyholder's GSM {tel:BE:+32 486 27 39 14} was verified for the claim portal.
Rotterdam shop owner disputes the card terminal fees - {tel:NL:+31 10 412 7739}.
Dutch patient's mobile {tel:NL:+31 6 2847 1936} receives the appointment reminders.
Luxembourg corporate client asked the account team to ring {tel:LU:+352 621 384 912}.
Barcelona customer has no hot water after the boiler swap; landline {tel:ES:+34 932 18 47 60}.
Spanish passenger rebooked to the evening flight, mobile {tel:ES:+34 655 31 82 47}.
Porto clinic reception: {tel:PT:+351 22 607 4318}.
Portuguese customer's mobile ({tel:PT:+351 936 241 807}) will receive the refund SMS.
Milan distributor called about a short delivery - office {tel:IT:+39 02 8734 2196}.
Il cliente ha chiesto di essere richiamato sul cellulare {tel:IT:+39 333 482 1907}.
Gothenburg tenant reports the heat pump is off: {tel:SE:+46 31 774 28 15}.
Swedish mobile for the claim: {tel:SE:+46 73 526 19 84}.
Oslo ferry passenger needs a new booking; phone {tel:NO:+47 412 58 306}.
Norwegian office switchboard {tel:NO:+47 23 15 84 70} handles the invoices.
Aarhus customer disputes a roaming bill, mobile {tel:DK:+45 26 84 17 39}.
Tampere patient can be reached on {tel:FI:+358 50 384 2716}.
Kraków supplier asked for payment status; office {tel:PL:+48 12 421 86 35}.
Polish courier's mobile {tel:PL:+48 601 284 739} is on the return label.
Brno customer's landline {tel:CZ:+420 541 218 764} is for the technician.
Czech mobile {tel:CZ:+420 731 482 906} gets the delivery window.
Budapest patient's mobile: {tel:HU:+36 30 284 6179}.
Romanian policyholder, mobile {tel:RO:+40 722 418 365}, reported a stolen phone.
Thessaloniki shop, {tel:GR:+30 2310 284 736}, needs a replacement router.
Greek mobile {tel:GR:+30 694 718 2035} confirmed for two-factor codes.
Istanbul office ({tel:TR:+90 212 384 71 26}) asked for the contract in English.
Turkish mobile {tel:TR:+90 532 617 48 29} given for the tour operator.
Osaka branch of the B2B customer: {tel:JP:+81 6-6341-7285}.
Japanese traveller's mobile {tel:JP:+81 80-4127-3968} for the rebooked hotel.
Busan customer's office {tel:KR:+82 51-742-3816} asked about the invoice.
Seat-change alerts for the Korean passenger are texted to {tel:KR:+82 10-7214-3869}.
Shanghai factory contact {tel:CN:+86 21 6418 3752} is on the purchase order.
Chinese mobile {tel:CN:+86 139 2184 6073} (also WeChat) for the logistics agent.
Reseller escalation from Mumbai: switchboard {tel:IN:+91 22 4127 3856}, ask for the IT manager.
Indian patient's mobile {tel:IN:+91 70451 28396} receives the lab results link.
Sydney caller left {tel:AU:+61 2 5550 3841} for the insurance assessor.
Australian mobile {tel:AU:+61 491 570 156} is the contact for the returns pickup.
Auckland clinic patient: {tel:NZ:+64 9 375 2841}.
The courier in Auckland will phone {tel:NZ:+64 27 384 1952} when the replacement modem is ten minutes away.
Singapore reseller's office {tel:SG:+65 6218 4739} requested a volume discount.
Singaporean traveller's mobile {tel:SG:+65 9184 2736}.
Hong Kong tenant's landline ({tel:HK:+852 2384 1967}) has no dial tone.
Warranty swap for a Guadalajara shop: the owner will only take calls on {tel:MX:+52 33 3615 2847}.
Brazilian caller's mobile {tel:BR:+55 11 98247-3165} is registered for Pix alerts.
Importer in Rio disputes the freight surcharge; their finance desk is {tel:BR:+55 21 2532-7481}.
Buenos Aires patient's mobile {tel:AR:+54 9 11 4827-3619}.
Chilean customer's mobile {tel:CL:+56 9 8427 3156} confirmed the pickup.
Medellín distributor's mobile: {tel:CO:+57 310 482 7613}.
Cape Town guest house owner, {tel:ZA:+27 21 418 3762}, disputes the booking fee.
Hijacked-vehicle claim, Durban: the insured's cellphone {tel:ZA:+27 72 418 3965} is the only contact.
Dubai office {tel:AE:+971 4 318 2746} requested a new SLA.
Emirati mobile {tel:AE:+971 55 284 7193} for the delivery driver.
Tel Aviv clinic: {tel:IL:+972 3-628-4175}.
Filipino agent partner's mobile {tel:PH:+63 917 284 6135}.
Kuala Lumpur office ({tel:MY:+60 3-2148 7362}) asked for the renewal quote.
Solar-kit buyer in Lagos wants the installer to ring {tel:NG:+234 803 418 2675} first.
Kenyan customer paid by M-Pesa, mobile {tel:KE:+254 712 384 691}.
Jeddah branch, {tel:SA:+966 12 648 3172}, confirmed the order.

# --- phone: international numbers written without spaces or with dots
Customer typed {tel:DE:+498921743819} in the web chat, no spaces.
Contact number from the claim form: {tel:ES:+34.932.184.760}.
{tel:US:+17045550163} - that is the number on the dispute letter.
Callback list for the outage: {tel:GB:+442079460958} and {tel:GB:+441614960417}.

# --- phone: national format with the trunk prefix, read in the line's default region
Tenant's landline: {tel:GB:020 7946 0712}, ask for the flat upstairs. ~GB
Agent: can I take a contact number? Customer: {tel:GB:0161 496 0853}. ~GB
Wrap-up - claim handler to ring {tel:GB:(0131) 496 0274} on Monday. ~GB
Customer's mobile {tel:GB:07911 283640} is switched off abroad. ~GB
Rückruf unter {tel:DE:089 2174 3806} bis 18 Uhr. ~DE
Patient's Handy {tel:DE:0176 23849105} bekommt die Terminbestätigung. ~DE
Hamburg office (040 number: {tel:DE:040 3287 1946}) ordered 40 headsets. ~DE
Austrian customer's landline {tel:AT:0316 873204} for the engineer. ~AT
Kundin bittet um Rückruf wegen der Gasnachzahlung, erreichbar unter {tel:AT:0676 3842291}. ~AT
Customer said: it's {tel:CH:031 332 47 18}, the office. ~CH
Swiss traveller's mobile {tel:CH:078 615 23 94} noted. ~CH
Le numéro fixe du client est le {tel:FR:01 99 00 27 41}. ~FR
On the coffee-machine RMA the Lyon customer put {tel:FR:04.78.62.19.35} as the pickup contact. ~FR
Sinistre habitation : l'assuré demande un rappel sur son portable, {tel:FR:07 81 42 56 30}. ~FR
Antwerp office {tel:BE:03 231 84 52} for deliveries. ~BE
Policyholder's GSM is {tel:BE:0486 27 39 14}. ~BE
Rotterdam shop: {tel:NL:010-412 7739}. ~NL
Afspraak fysiotherapie verzet; herinnering per sms naar {tel:NL:06-28471936}. ~NL
Llamar al cliente al {tel:ES:932 18 47 60} por la mañana. ~ES
Passenger's mobile {tel:ES:655 318 247} for the rebooking SMS. ~ES
Clinic reception in Porto: {tel:PT:226 074 318}. ~PT
Office in Milan: {tel:IT:02 8734 2196}. ~IT
Cellulare del cliente: {tel:IT:333 482 1907}. ~IT
Tenant's phone {tel:SE:031-774 28 15} is a landline. ~SE
Mobilnummer {tel:SE:073-526 19 84} för skadeanmälan. ~SE
Norwegian passenger: {tel:NO:412 58 306}. ~NO
Roaming bill dispute: the Aarhus caller prefers texts to {tel:DK:26 84 17 39}. ~DK
Finnish patient: {tel:FI:050 384 2716}. ~FI
Kraków office {tel:PL:12 421 86 35} wants the invoice by email. ~PL
Return pickup in Kraków failed twice - the driver left {tel:PL:601 284 739} on the card. ~PL
Czech landline {tel:CZ:541 218 764}. ~CZ
Budapest patient's mobile is {tel:HU:06 30 284 6179}. ~HU
Romanian caller's mobile {tel:RO:0722 418 365}. ~RO
The Istanbul office wants the revised tour contract read to them on {tel:TR:0212 384 71 26}. ~TR
Balloon tour rebooked; the guide will message {tel:TR:0532 617 48 29} at dawn. ~TR
Osaka branch {tel:JP:06-6341-7285}. ~JP
Traveller's keitai: {tel:JP:080-4127-3968} ~JP
Shipping-line agent in Busan, {tel:KR:051-742-3816}, questions the container demurrage. ~KR
Travel desk note: the Busan guest's handset, {tel:KR:010-7214-3869}, gets the gate-change alerts. ~KR
Shanghai factory: {tel:CN:021 6418 3752}. ~CN
B2B renewal: procurement in Mumbai asked us to dial {tel:IN:022 4127 3856} and not the toll-free line. ~IN
Patient's mobile {tel:IN:070451 28396} for the lab link. ~IN
Sydney assessor to call {tel:AU:(02) 5550 3841}. ~AU
Returns pickup contact: {tel:AU:0491 570 156} ~AU
Melbourne office {tel:AU:03 9614 2738} for invoices. ~AU
Auckland clinic patient, {tel:NZ:09 375 2841}. ~NZ
Modem swap in Auckland: the technician's handheld is {tel:NZ:027 384 1952}. ~NZ
Reseller's office {tel:SG:6218 4739}. ~SG
Hong Kong landline {tel:HK:2384 1967} has no dial tone. ~HK
Freight surcharge dispute - importer's finance desk in Rio, {tel:BR:(21) 2532-7481}. ~BR
Cape Town guest house {tel:ZA:021 418 3762}. ~ZA
Driver's mobile {tel:AE:055 284 7193}. ~AE
Clinic in Tel Aviv {tel:IL:03-628-4175}. ~IL
Partner's mobile {tel:PH:0917 284 6135}. ~PH
Installer to ring the Lagos buyer at {tel:NG:0803 418 2675} before setting out. ~NG
M-Pesa mobile {tel:KE:0712 384691}. ~KE
Utility customer in Atlanta, home phone {tel:US:(404) 555-0126}.
Patient's cell is {tel:US:404.555.0191}, text OK.
B2B buyer's direct line {tel:US:312-555-0158}.
Toronto clinic patient's cell, {tel:CA:(416) 555-0134}, for reminders. ~CA
Thessaloniki shop's landline {tel:GR:2310 284 736} rings the till. ~GR
Luxembourg client's mobile {tel:LU:621 384 912}. ~LU
Guadalajara customer: {tel:MX:33 3615 2847}. ~MX
Porteño patient's mobile {tel:AR:011 15-4827-3619}. ~AR
Chilean pickup contact {tel:CL:9 8427 3156}. ~CL
Distributor in Medellín: {tel:CO:310 482 7613}. ~CO
Jeddah branch phone {tel:SA:012 648 3172}. ~SA
KL office {tel:MY:03-2148 7362} asked for the renewal. ~MY

# --- phone: extensions
Broker's office {tel:US:+1 212 555 0147 ext. 2290} handles the commercial policy.
Procurement desk: {tel:GB:+44 20 7946 0415 x318}.
Call the clinic on {tel:US:(617) 555-0107, ext 42} to confirm the referral.
Reception {tel:DE:+49 89 2174 3800-215} (Durchwahl Buchhaltung).
Agent noted the hotel's front desk {tel:US:+1 702 555 0184 extension 7} for the rebooking.
Supplier's account manager {tel:GB:0161 496 0990 ext. 44} ~GB

# --- phone: dialled with an exit code
From Germany the customer dials {tel:DE:00 44 20 7946 0562} to reach the UK office. ~DE
Agent: from France, dial {tel:FR:00 34 932 18 47 60} for the Barcelona office. ~FR
Customer in New York calls the Paris hotel on {tel:US:011 33 1 99 00 38 12}.
Dialled from the US: {tel:US:011 44 161 496 0381}.
Sydney caller uses {tel:AU:0011 64 9 375 2841} for the Auckland clinic. ~AU
Swiss office reaches Milan on {tel:CH:0039 02 8734 2196}. ~CH
Dutch customer rang {tel:NL:0049 176 2384 9105} for the German courier. ~NL
From Japan: {tel:JP:010 1 303 555 0172}. ~JP

# --- phone: dictated, with words around the digits
Customer: okay so the number, it's, um, {tel:GB:07911 283 640}, that's my mobile yeah. ~GB
Customer: plus one, five one two... sorry, {tel:US:+1 512 555 0139}, that's the cell.
Agent: let me read that back - {tel:US:720 555 0151}? Customer: that's right.
Customer: you can try my wife, her number is {tel:GB:+44 7700 183 492}, she'll be home.
Customer: write down {tel:FR:+33 6 12 48 37 90}, and if no answer leave a message.
Customer: it's the Sydney office, area code two, {tel:AU:+61 2 5550 4127}.
Agent: and a daytime number? Customer: work is {tel:US:(303) 555-0165}, ask for Dana.

# --- card: every scheme and length, grouped in many ways
Banking dispute: cardholder says {card:4:16:s4} was charged twice by the airline.
Chargeback raised on Visa {card:4:16:d4} for a hotel night that was never stayed.
Customer read her card as {card:4:16:n} - agent advised her not to share it on a recorded line.
An old 13-digit Visa, {card:4:13:n}, is still on the utility direct-pay profile.
Agent: the system shows {card:4:13:s4.4.5} as the card on file; customer confirmed.
Prescription co-pay failed on Visa Electron {card:4:16:s4}; the patient paid cash.
Premium Visa with 19 digits ({card:4:19:s4.4.4.4.3}) used for the rebooking fee.
Travel card {card:4:19:n} was billed for the seat upgrade.
Visa debit {card:4:16:s4.4.8} - customer reads it in two halves.
Mastercard {card:51:16:s4} disputed for an unauthorised streaming subscription.
Customer: the card is {card:52:16:d4}, it's a Mastercard.
{card:53:16:s4} - refund of the cancelled tour goes back to this card.
Agent Assist flagged card {card:54:16:n} in the chat transcript.
Insurance premium taken from Mastercard {card:55:16:s4}.
New 2-series Mastercard {card:2221:16:s4} replaced the compromised one.
Supplier invoice settled with the buyer's company Mastercard {card:2300:16:d4} after the PO mismatch.
Card {card:2480:16:n} used for the returns label.
Mastercard {card:2600:16:s4} (2-series) was charged the cancellation fee.
Customer quoted {card:2720:16:s4} for the clinic deposit.
Amex {card:34:15:s4.6.5} disputed a duplicated booking charge.
American Express card {card:37:15:d4.6.5} is the account's autopay card.
Customer gave {card:37:15:n} for the corporate travel account.
Card on the fraud claim: {card:34:15:s4.6.5}.
Discover {card:6011:16:s4} was charged for a warranty the customer declined.
Customer's Discover card {card:644:16:d4} added to the utility account.
Discover {card:65:16:n} refunded after the return.
Card ending... actually the full number was read out: {card:649:16:s4}.
Discover card {card:65:19:s4.4.4.4.3} for the B2B purchase.
JCB {card:3528:16:s4} used by the Japanese traveller for the rebooking.
Customer's JCB card, {card:3541:16:d4}, declined at the rental desk.
JCB {card:3566:16:n} charged twice for the same night.
Agent: the JCB is {card:3589:16:s4}? Customer: yes.
19-digit JCB {card:3530:19:n} appears in the chat log.
The broker pays the fleet premium with Diners Club {card:36:14:s4.6.4}.
Customer's Diners card {card:305:14:n} was billed the annual fee.
Diners {card:300:14:d4.6.4} disputed a restaurant charge.
Rebooked guest's security hold went on UnionPay {card:62:16:s4} and has not dropped off.
Customer's UnionPay card {card:62:19:n} was charged in the wrong currency.
UnionPay {card:624:17:s4.4.4.5} added for the B2B order.
Card {card:621:18:s6.12} - UnionPay, charged twice.
Maestro {card:5018:12:s4} debit for the parking fine.
A 13-digit Maestro, {card:5020:13:n}, paid the courier's redelivery surcharge.
15-digit Maestro {card:5038:15:s4.4.4.3} refused at the Lisbon car-hire desk.
Maestro {card:5893:16:d4} for the utility top-up.
Debit card {card:6304:18:s4.4.4.4.2} charged for a return that was never received.
Utility prepay top-up hangs at "processing" on Maestro {card:6759:19:n}.
Maestro {card:6761:12:n} used at the clinic kiosk.
Maestro {card:6763:16:s4} linked to the travel wallet.
Maestro debit {card:5020:14:s4.4.6} charged the clinic's no-show fee.
Customer's Maestro card {card:6304:17:n} was used for the ferry booking.
Last digits were not enough, so the customer read {card:4:16:s4.4.4.4} in full.
Card {card:53:16:s2.2.2.2.2.2.2.2}? Customer reads it in pairs.
(Card: {card:4:16:d4}) charged for the extended warranty.
Refund to {card:51:16:s4}; expect 5 to 7 business days.

# --- iban: many countries, in groups of four and unspaced
Refund for the cancelled claim to be paid into {iban:DE:s4}.
- Settlement account for the subsidence claim: {iban:GB:s4}
SEPA direct debit for the electricity bill moved to {iban:FR:s4}.
Payout for the water-damage claim goes to {iban:NL:n}.
Il rimborso va sull'IBAN {iban:IT:s4}.
Reembolso del billete al IBAN {iban:ES:s4}.
Patient's insurer reimburses to {iban:BE:s4}.
Customer's Swiss account {iban:CH:s4} for the deposit return.
Tenancy ended in Salzburg; the landlord will return the deposit to the tenant's {iban:AT:n}.
Swedish supplier invoice payable to {iban:SE:s4}.
Cancelled fjord crossing: refund the two cabins to {iban:NO:s4}.
Copenhagen gym membership direct debit now draws from {iban:DK:s4}.
Espoo employee's expense claim for the rebooked train is paid to {iban:FI:n}.
Gdańsk packaging supplier changed banks; new payee account {iban:PL:s4} verified by call-back.
Ostrava household overpaid the gas bill; the credit goes to {iban:CZ:s4}.
Debrecen dental patient is reimbursed the double co-pay at {iban:HU:s4}.
Cluj caller wants the faulty-laptop refund on {iban:RO:n}, not store credit.
Crete villa owner's home insurance was overcharged; premium difference back to {iban:GR:s4}.
Braga policyholder added {iban:PT:s4} so the annual premium is collected by debit.
Galway customer's smart-meter credit of 61.80 will land in {iban:IE:s4}.
Fund manager in Luxembourg wants the quarterly rebate credited to {iban:LU:n}.
Bratislava distributor's credit note is settled by transfer to {iban:SK:s4}.
Ljubljana policyholder's windscreen claim pays out to {iban:SI:s4}.
Split holiday let: the owner's refund account is {iban:HR:n}.
Sofia guest's prepaid stay was cancelled by the hotel; refund to {iban:BG:s4}.
Tallinn start-up's annual licence refund goes to {iban:EE:s4}.
Riga patient's physiotherapy reimbursement: {iban:LV:n}.
Vilnius customer returned the e-bike; money back to {iban:LT:s4}.
Valletta ferry operator's commission is remitted monthly to {iban:MT:s4}.
Limassol hotel's overbooking compensation was wired to {iban:CY:s4}.
Cappadocia balloon tour washed out; the operator refunds {iban:TR:s4}.
Riyadh distributor's rebate account, confirmed by phone: {iban:SA:n}.
Jebel Ali freight forwarder asked that demurrage refunds go to {iban:AE:s4}.
Doha transit passenger's fare difference is refunded to {iban:QA:s4}.
Haifa clinic is reimbursed by transfer to {iban:IL:s4}.
Coffee exporter in Santos sent its IBAN for the pre-payment: {iban:BR:s4}.
Reykjavik car-hire deposit to be released to {iban:IS:n}.
Yacht charter client in Monaco: balance refund to {iban:MC:s4}.
Vaduz trustee asked that the policy surrender value be paid to {iban:LI:s4}.
Belgrade subcontractor's invoices are paid into {iban:RS:n}.
Tbilisi tour operator chargeback settled to {iban:GE:s4}.
Kyiv freelancer's B2B payouts switched to {iban:UA:s4}.
Almaty reseller asked for the credit balance to go to {iban:KZ:n}.
Amman guest's deposit refund: {iban:JO:s4}, beneficiary name as on the booking.
Kuwait City importer quoted {iban:KW:s4} for the overpayment.
Lahore software vendor's payee details updated - {iban:PK:s4}.
Tunis textile supplier: settle the disputed invoice to {iban:TN:n}.
Resort in Mauritius refunds the cancelled honeymoon to {iban:MU:s4}.
Pristina family's remittance refund goes back to {iban:XK:s4}.
Ski-pass refund for the Andorra trip: {iban:AD:s4}.
Sarajevo contractor's retention payment released to {iban:BA:n}.
Customer: it's {iban:DE:n}, all one string.
Résiliation box internet : remboursement du dépôt de garantie sur le compte (IBAN {iban:FR:n}).
Agent spelled the IBAN back group by group - {iban:NL:s4} - and the caller agreed.
Direct debit mandate signed for {iban:ES:n}.
IBAN: {iban:IT:n}; BIC to follow by email.

# --- ssn
Identity check for the life policy: SSN {ssn:d}.
Workers' comp intake: injured employee's social security number {ssn:d}, employer on file.
Agent Assist redaction missed {ssn:s} in the spoken transcript.
Customer: for the mortgage thing you need my social, right? It's {ssn:d}.
SSN ({ssn:d}) requested by the underwriter.
Tax form lists the patient's SSN as {ssn:s}.
Claimant's Social Security No. {ssn:d} was verified.
Last four are not enough - customer read the whole SSN: {ssn:d}.
{ssn:d} is the SSN on the loan application.
Beneficiary's SSN {ssn:d} added to the claim.
Agent: before I can release the claim I need the last piece - the social. Customer: {ssn:s}, as spoken.
- Verified via SSN {ssn:d} (HR onboarding call)
Financing for the new furnace needs a soft pull; homeowner read out SSN {ssn:d}.
Spouse's Social Security number {ssn:d} on the joint account.
Employer verification used SSN {ssn:s}.
Dependent's SSN {ssn:d} recorded on the health plan.
Disability claim, SSN {ssn:d}, forwarded to the review team.
Caller's SSN is {ssn:d}; account unlocked.
Customer gave SSN {ssn:d} and date of birth for identity verification.
SSN on the W-9: {ssn:d}.

# --- routing: ABA numbers near account words
Claim payout by direct deposit - routing number {aba}, checking account confirmed verbally.
Customer's bank routing {aba} for the refund ACH.
ABA {aba} - savings account for the claim payout.
Agent: what's the routing number? Customer: {aba}.
Wire instructions: routing {aba}; the account number follows by secure message.
Routing no. {aba} on the void cheque.
Payroll account routing number {aba} updated.
Routing/transit number {aba} for the utility autopay.
Customer's checking account routing is {aba}.
ACH routing {aba} rejected by the merchant, customer will confirm.
The bank's routing number {aba} and account number were read out.
- ACH debit for the solar lease: ABA {aba}, savings account.
Premium autopay moved to routing {aba}.
Routing number ({aba}) for the escrow account.
Account routing {aba}, account type checking.
Customer: uh, the little number on the left of the cheque, {aba}, that's the routing, yeah.
New account details: routing {aba}.
Routing {aba} for the B2B supplier's ACH payments.
Refund via ACH to routing number {aba}.
Routing number {aba} listed on the direct deposit form.

# --- email: varied shapes
Claim documents to be sent to {mail:dana.whitfield@example.com}.
Claims correspondence now goes to the tagged address {mail:r.okafor+claims@example.org}.
Invoice copy to {mail:accounts-payable@billing.example.net}.
Patient's email: {mail:mei_lin.chen@mail.example.com}
Group booking: all 14 rebooked boarding passes go to {mail:TRAVEL.DESK@EXAMPLE.COM}.
Return label emailed to {mail:jp.dubois84@example.fr}.
Agent: email? Customer: {mail:kowalski.anna@example.pl}.
Contact {mail:support-escalations@corp.example.co.uk} for the B2B ticket.
Email on file ({mail:t.nguyen@example.edu}) is out of date.
{mail:sam.o'brien@example.ie} is the new login email.
Licence true-up quote goes to the buyer's corporate inbox, {mail:priya.raman@eu.example-corp.com}.
Receipt to {mail:zoë.müller@beispiel.example}.
Chat transcript: "pode mandar para <{mail:lucas.ferreira@example.com.br}>?"
mailto:{mail:claims.team@example.com} link shared by the agent.
The customer's email is {mail:x9_k2@example.net}, odd but correct.
Customer: send it to {mail:gran.and.grandad@example.org} please.
Utility e-billing email: {mail:household.smith2024@example.com}.
Secondary contact for outage notices: {mail:a.b.c.d@example.info}.
Broker's email {mail:broker-77@example.agency}.
Customer's personal email, {mail:hannah.k@example.de}, for the claim updates.
Email {mail:o.petrov@example.bg} confirmed for the refund.
Portal login swapped to the shorter address {mail:jd@example.io} at the client's request.
Customer spelled it out: {mail:faith.adeyemi@example.ng}.
Vendor onboarding: remittance advices to {mail:finance+vendors@example.com} from next month.
- Boarding pass resent; inbox {mail:kenji.sato@example.jp}

# --- dob: dates of birth with varied birth context
Claimant passed ID&V (surname, postcode, date of birth {dob:13/05/1968}).
DOB: {dob:1972-08-29}
Caller said she was born on {dob:March 14 1968}, which matches the member record.
Patient born {dob:02/11/1955} needs the earlier appointment.
Birthday {dob:July 4, 1981} matches the policy record.
Policyholder's date of birth is {dob:21.06.1979}.
Agent: and the birthday on the booking, just to match the passport? Customer: {dob:9 September 1990}.
The beneficiary (born {dob:1963-01-17}) was added to the life policy.
Passenger DOB {dob:30/12/1986} on the rebooked ticket.
Caller born {dob:5 May 1947} asked for a large-print bill.
- Patient: new referral, date of birth {dob:11/23/1974}, prefers mornings
Customer says his birthday is {dob:April 2, 1999}.
Patient's DOB ({dob:1958-10-06}) did not match the referral.
The policyholder, born {dob:18 February 1983}, is the main driver on the quote.
Agent asked for the DOB - {dob:07/07/1977}.
Dependent child born on {dob:2014-03-28} added to the plan.
Birth date {dob:12.12.1960} on the account.
Customer: oh, the date of birth is {dob:the 3rd of June 1992}, sorry, I was reading the wrong card.
Verification: name, postcode and DOB {dob:24/04/1966} matched.
Customer's birthday, {dob:January 19 1970}, used as the security answer.
DOB {dob:1989-05-31}, policy number on the letter.
Patient's birth date corrected to {dob:11/08/1961} after the agent's typo.
The insured's date of birth was updated to {dob:16 Aug 1952}.
Pharmacy refill check - DOB given as {dob:1995/02/14}, prescription matched.
Born: {dob:26/09/1984}
Lapsed-policy reinstatement: insured (DOB {dob:3/1/1971}) wants cover back from today.
Agent confirmed DOB {dob:October 10, 1965} and address.
Birthday: {dob:08-03-1988}
Caller's date of birth is {dob:29 February 1976}.
Patient, born {dob:1948-12-09}, needs transport to the clinic.
The caller, who is the account holder, gave her birth date as {dob:the 12th of May, 1980}.
Date of birth {dob:17/10/2001} verified against the passport.
Young driver born {dob:2003-07-22} added to the car policy.
Agent Assist: DOB captured ({dob:22/01/1957}).
Customer: I was born {dob:9th June 1969}.

# --- ip: IPv4 and IPv6 addresses in support-call context
Speed complaint: the line syncs but the WAN side only ever picks up {ip:203.0.113.47}.
Agent saw login attempts from {ip:198.51.100.29} on the account.
Public IP {ip:192.0.2.186} is blocked by the firewall.
Customer's laptop has {ip:192.168.1.104} on the home network.
The modem's LAN gateway {ip:10.0.0.1} does not respond.
VPN client got {ip:172.16.40.12} from the office.
Online banking lock: a login from {ip:203.0.113.231} at 3 a.m. tripped the velocity rule.
Trace from the caller's PC dies at hop 6, {ip:198.51.100.7}.
IPv6 address {ip:2001:db8:85a3::8a2e:370:7334} assigned to the customer's line.
Router shows {ip:2001:db8:4f1c:0:0:0:0:12} as the WAN address.
Customer's device link-local {ip:fe80::1c2b:3ff:fe4d:9a11} appears in the log.
Fraud team saw a session from {ip:2001:db8::7f3a}.
Customer's static IP ({ip:192.0.2.64}) needs a reverse DNS entry.
Customer read the gateway off the sticker on the router: {ip:10.12.34.56}.
DNS server set to {ip:198.51.100.53} by the customer.
Smart meter reports from {ip:172.20.1.9}.
- Device seen at {ip:203.0.113.9} during the disputed purchase
Card-not-present purchase came from {ip:192.0.2.33}, not the customer's usual {ip:198.51.100.144}.
Printer at {ip:192.168.0.250} dropped off the network.
The VoIP phone registered from {ip:2001:db8:a0b:12f0::1}.
Customer's game console has {ip:10.1.1.23}.
B2B customer allowlisted {ip:203.0.113.128} for the API.
Customer's IPv6 prefix is {ip:2001:db8:1234:5600::1}.
Login from {ip:198.51.100.201} triggered the password reset.
Agent reset the DHCP lease; new address {ip:192.168.1.17}.

# --- mixed: several kinds in one line, longer summaries
Insurance claim summary: the policyholder reported a burst pipe on Saturday night. She confirmed her date of birth ({dob:19/04/1974}) and asked that the settlement be paid to {iban:GB:s4}. The loss adjuster will call {tel:GB:+44 113 496 0527} to book a visit.
Telecom support: caller's SIM swap was refused by the store. Agent verified the account with DOB {dob:1986-11-02} and sent the unlock code to {mail:lena.hoffmann@example.de}. Follow-up on {tel:DE:+49 151 2847 3961}.
Banking dispute: customer disputes two charges on {card:4:16:s4} from an online electronics shop. Refund requested to the same card; confirmation to {mail:m.abara@example.com}.
Travel rebooking - flight cancelled due to weather. Passenger (born {dob:March 3, 1979}) rebooked on the morning flight; e-ticket to {mail:c.rossi@example.it}, SMS to {tel:IT:+39 347 612 8840}.
Healthcare scheduling: patient asked to move the cardiology appointment. DOB {dob:08/05/1949}, phone {tel:US:(617) 555-0122}, insurance member ID on file.
Utilities: customer moving house wants the final bill sent to {mail:olsen.family@example.no} and the deposit refunded to {iban:NO:s4}.
E-commerce return: the customer returned two pairs of boots and wants the refund on the original card {card:37:15:s4.6.5} rather than store credit.
B2B support: the reseller's finance contact ({mail:ap@reseller.example.com}, {tel:US:+1 414 555 0168}) asked for the credit note to be reissued.
Payroll change: new direct deposit routing {aba} and SSN {ssn:d} verified before the update.
Fraud review: transactions on {card:2221:16:d4} came from {ip:203.0.113.88}, far from the customer's home; card blocked.
Customer's new details - email {mail:noor.haddad@example.ae}, mobile {tel:AE:+971 50 612 4839}, IBAN {iban:AE:n}.
Identity verification passed: SSN {ssn:d}, DOB {dob:1967-09-15}, home phone {tel:US:(213) 555-0181}.
Claim payout split between {iban:FR:s4} and {iban:BE:s4} at the policyholders' request.
The overbooked hotel reverses the night on JCB {card:3528:16:s4} and writes to {mail:yuki.tanaka@example.jp}.
Rebooking fee charged to {card:55:16:s4} and receipt sent to {mail:receipts+travel@example.org}.
The customer reported that someone logged in from {ip:2001:db8:cafe::17} and changed the email to {mail:unknown.user@example.net}.
Customer is a dual resident: UK mobile {tel:GB:+44 7824 305 742}, Spanish landline {tel:ES:+34 952 18 36 47}.
ACH refund failed: routing {aba} did not match the name on the checking account; customer will send a void cheque to {mail:payments@example.com}.
Clinic referral faxed; patient born {dob:22 July 1953} can be reached at {tel:AU:+61 3 7010 4218} or by email at {mail:g.walsh@example.com.au}.
Summary: disputed roaming charges of 84.20. Customer's number {tel:NL:+31 6 4172 9358}, IBAN for the credit {iban:NL:s4}. Credit approved.

# --- transcript turns: several kinds and several turns, as Speech & Text Analytics writes them
Agent: thanks for holding. Could I have the policy holder's date of birth? Customer: it's {dob:12/09/1971}. Agent: and a phone number we can reach you on? Customer: {tel:US:(720) 555-0194}.
Customer: I want the refund on my card. Agent: which card? Customer: {card:4:16:s4}. Agent: thank you, that's processed.
Agent: what's the email on the account? Customer: {mail:ines.carvalho@example.pt}. Agent: and the IBAN for the refund? Customer: {iban:PT:s4}.
Customer: hi, my internet keeps dropping. Agent: can you read me the IP on the router page? Customer: it says {ip:192.168.8.1}... and the WAN one is {ip:198.51.100.92}.
Agent: for security, your social security number please. Customer: {ssn:d}. Agent: thank you, you're verified.
Customer: the bank's routing number is {aba} and the account ends in 5531. Agent: perfect, I'll set up the autopay.
Agent: I'll send the confirmation - what's the best email? Customer: it's {mail:t.lindqvist@example.se}, and you can text {tel:SE:+46 70 284 61 93} too.
Customer: I was born on {dob:the 1st of October 1958}, if that helps. Agent: it does, thank you.
Customer: can you call me back? Agent: sure, on which number? Customer: {tel:GB:0131 496 0815}. Agent: I'll call within the hour. ~GB
Agent: the card you're reading - {card:3566:16:s4} - is that the JCB? Customer: yes, the Japanese one.
Customer: my mobile is {tel:DE:0160 9384 1275}. Agent: and the email? Customer: {mail:jonas.becker@example.de}. ~DE
Agent: do you have the Amex handy? Customer: {card:34:15:s4.6.5}. Agent: thanks, expiry please? Customer: oh nine twenty-eight.
Customer: the transfer should go to {iban:CH:s4}. Agent: got it. Customer: and confirm on {tel:CH:+41 79 214 36 85} please.
Agent: to reschedule I need the patient's date of birth. Customer: {dob:04/17/1944}. Agent: thanks. Customer: and she's at {tel:US:+1 602 555 0137} during the day.
Customer: our office IP is {ip:203.0.113.150}, can you allowlist it? Agent: done. Customer: and the backup {ip:2001:db8:100::25}? Agent: done too.
Agent: could you confirm the Diners number? Customer: {card:36:14:s4.6.4}. Agent: and the email for the receipt? Customer: {mail:h.ozturk@example.com.tr}.
Customer: I'm calling for my father, he was born {dob:2 January 1939}. Agent: thank you. Customer: his number is {tel:IE:+353 1 862 4397}.
Agent: which Maestro card would you like to use? Customer: {card:6759:16:s4}. Agent: that's accepted.
Customer: the UnionPay is {card:62:16:s4}. Agent: it was declined, do you have another? Customer: the Visa {card:4:16:s4}.
Agent: and your SSN? Customer: {ssn:s}. Agent: date of birth? Customer: {dob:June 30 1962}. Agent: thank you, verified.

# --- hard negatives: order, tracking, ticket, case, claim and invoice numbers
Insurance claim CLM-2026-0048213 was assigned to a field adjuster.
Claim no. 77-310482-A is waiting for the repair estimate.
Customer chased order 40117-228 placed for the winter sale.
E-commerce return RMA 3309184 received at the warehouse.
Tracking 1Z9F27W80394418265 shows the return parcel delivered.
Parcel tracking LX 482 193 765 DE is stuck in customs.
Courier consignment 00340434182019384756 is at the local depot.
Returned lens kit: carrier shows an address exception on 7712 4830 9216.
Support case 00917342 was escalated to tier 2.
Ticket #TS-48213 reopened after the fix failed.
Telecom major incident INC0418273 covers the fibre cut affecting the caller's street.
Change request CHG0031827 approved for the weekend.
Booking reference Q7XK2M for the rebooked flight.
PNR 6JTR4B updated with the new seat.
Hotel confirmation number 84127391 was cancelled without a fee.
Invoice INV-2026-11-38274 has the wrong purchase order.
B2B dunning: invoice 903184 reached the second reminder stage.
Finance raised CR-10483 to reverse the duplicate line on invoice 98213.
Purchase order PO-771-20418 needs approval from finance.
Quote Q-2026-3381 valid for 30 days.
Dispute case DSP-48-21937 opened with the card scheme.
Scheme dispute 2611 8430 2719 is in pre-arbitration.
Direct debit mandate reference UTIL-MAND-004821 cancelled.
Meter serial E10BG 48213 replaced in the customer's hallway.
Utility account reference 4821-3390-12 moved to the new address.
Work order 58-20417 closed after the boiler repair.
Referral number REF/NHS/4821/39 sent to the clinic.
Appointment ID APT-20261204-0318 confirmed.
Prescription number RX 481 273 ready for collection.
Lab order 2026-LAB-48213 results pending.
Case reference 7731-0084-5513 about the water leak.
Complaint number CMP/2026/18422 acknowledged within 5 days.
Return label RET 48 213 907 emailed to the customer.
Customer quoted order numbers 771204, 771219 and 771233 for the split refund.
Second replacement router, consignment 4812-7730-1942, was handed to the carrier.
Agent merged case 01842736 into 01842740.
Ticket numbers 48213 and 48219 were both about the same outage.
Warranty claim WC-20418-7 approved for a replacement.
Fleet policy number FLT/88/204731 renews in March.
Vehicle claim reference MTR-4820-1193 needs photos.
Airline refund reference RF48213920 processed.
Baggage file LHR BA 48213 opened for the delayed bag.
B2B account number ACC-0048213 had its credit limit raised.
Service contract SC-2026-00481 includes next-day support.
Customer's loyalty membership 8841 2203 upgraded to gold.
Gift card order GC-48213-771 refunded.
Subscription ID sub_7H3kQ9xL2m cancelled at the customer's request.
Transaction ID 9f3c2a71-48b2-4d1e-9c33-7a1e2b804f61 appears twice in the log.
Batch 2026-11-30-004 included the customer's refund.
Job ticket 4413-88 assigned to the engineer for Thursday.

# --- hard negatives: prices, amounts, balances and percentages
Claim settlement offer of 4,812.37 was declined by the policyholder.
Excess of 250.00 deducted from the payout.
Customer disputes a charge of USD 1,482.19 from the airline.
Refund of 73.40 EUR for the returned boots.
The outstanding balance on the account is 2,204.18.
Customer's balance went from 1,320.44 to -48.12 after the double debit.
Roaming charges of 184.20 credited back.
Premium rises 7.4% at renewal, to 912.50 a year.
Energy bill estimate 318.77 versus the actual 241.09.
Customer's monthly plan costs 42.99, plus 3.50 for the insurance add-on.
Late payment fee 12.00 waived.
Cancellation fee of 150 GBP for the hotel.
Rebooking fare difference 212.60 paid by card.
Clinic co-payment 35.00 collected at check-in.
Order total 1 248,90 zł including delivery.
Customer's overdraft limit is 1,500.00.
Interest charged 18.34 at 21.9% APR.
Volume discount of 12.5% on orders above 10,000 units.
The B2B customer owes 48,213.90 across 14 invoices.
Shipping cost 9.95 refunded.
Restocking fee of 15% (27.30) applied to the return.
Customer paid 2.318,45 EUR by bank transfer.
Data add-on 10 GB for 8.00 a month.
Customer's usage jumped 340% in October.
Utility tariff 0.2874 per kWh and 0.5312 daily standing charge.
Balance transfer of 3,400.00 at 0% for 18 months.
E-book bundle billed three times at 19.99; two reversed.
Average bill over 12 months: 118.42.
The insurer reimburses 80% of the 640.00 invoice.
Deposit of 1,200.00 returned less 84.50 for cleaning.
Currency conversion fee 2.75% on the 512.00 purchase.
The flight voucher is worth 400.00 and expires in a year.
Customer's savings pot holds 12,418.07.
Customer spends roughly 2,000 a month on the corporate card.
Customer asked why 0.99 was taken for a 1 EUR verification charge.

# --- hard negatives: times and durations
Call lasted 18 minutes 42 seconds, 6 of them on hold.
Engineer arrives between 08:00 and 12:00.
Water main repair cut supply between 14:20 and 16:05.
Flight departs 06:45, boarding 06:10, gate closes 06:30.
Customer waited 1 h 22 min for the callback.
[00:03:17] Customer: I've been on hold forever.
Hold 00:04:12, talk 00:16:48, wrap 00:01:30.
Clinic opens 07:30-19:00 Monday to Friday.
The power was off for 38 hours.
Nurse callback queued for 17:15 Central.
SLA: first response within 2 hours, fix within 8.
The layover is 2h 55m in Frankfurt.
Call logs show attempts by the caller at 9:02, 9:17 and 9:44 am before reaching us.
Water supply back at 23:40 last night.
Average speed of answer was 0:47 today.
The rebooked train leaves at 18:12 and arrives 21:37.
Appointment length 45 minutes.
Disputed payment authorised at 2026-11-29T14:22:05Z per the acquirer.
Router rebooted at 03:00:00 by the nightly job.
The refund takes 3 to 5 working days.
Contract notice period: 30 days.
Recording 00:00:00 - 00:41:27.
Customer's session timed out after 900 seconds.
Delivery slot 18:00-20:00 booked.
Estimated wait time 12 minutes.

# --- hard negatives: dates that are not birth dates
Claim incident date 14/03/2026, reported 16/03/2026.
Surgery booked for 2026-12-14 at 08:30.
Return window closes on 12 January 2027.
The council tax instalment was debited twice, both on 25/11/2026.
Flight rebooked from 02/12/2026 to 03/12/2026.
Hotel check-in 19 December 2026, check-out 22 December 2026.
Policy start date 1 March 2026, renewal 1 March 2027.
Customer's bill dated 2026-11-15 was estimated.
Photo of the meter dated 26.11.2026 shows 48213 kWh, lower than the estimate.
Payment due by December 18, 2026.
Delivery expected 4-6 December.
Contract signed 15/06/2024, ends 14/06/2026.
The birthday present ordered on 20 November 2026 arrived broken.
Customer wants the birthday cake delivered on 7 December 2026.
The 10% birthday treat voucher, emailed 2026-11-01, lapsed before the return was processed.
The customer's birthday discount was applied on 05/11/2026.
Birthday party booking for 15 children on 13/12/2026 confirmed.
The product was born out of a 2019 hackathon, the customer was told.
Our newborn care package shipped on 27 November 2026.
Stillborn project: the customer's 2025-04-01 feature request was closed.
The idea was born in the March 2024 customer panel.
Airborne freight arrived on 26/11/2026.
Waterborne damage first noticed on 11 November 2026.
Born Free Travel booking dated 2026-10-30 cancelled.
Customer's first-born son will join the family plan from 1 January 2027.
The date of birth field was blank in the 2026-11-12 export.
Clinic updated its birth-registration hours on 1 December 2026.
Warranty ends 30 September 2027.
Card expires 08/29.
Account opened 21 April 2011.
Date of loss: 11/14/2026.
Date of service 2026-11-03 on the claim.
The outage on 02.12.2026 is planned maintenance.
Customer moved in on 1st November 2026.
Fraud check: the portal shows a session on 29 Nov 2026 at 22:14 that the customer recognises.
Rebooking valid until 31/01/2027.
The statement covers 06/10/2026 to 05/11/2026.
Vaccination appointment 2026-12-09, second dose 2027-01-06.
Anniversary trip on 14 February 2027 rebooked.
Date of admission 18/11/2026, date of discharge 22/11/2026.

# --- hard negatives: software versions and build numbers
Customer's router runs firmware 3.4.12.208.
App version 7.21.0.4 crashes when uploading claim photos.
The clinic's booking app 2.9.3 shows a blank screen.
Set-top box software 11.2.4.71 fixed the freeze.
Build 26.11.1830.2 was rolled back.
The hub should self-update to 5.0.14.3 overnight; if not, the customer will call back.
Banking app crash reproduced on handsets running OS 17.1.2.
The 5 GHz band keeps dropping on modems still running 1.22.8.140.
The payment terminal runs 4.8.0.12.
Desktop client 10.4.7.1024 cannot log in.
Windows build 10.0.22631.4460 on the customer's laptop.
Customer's browser: Chrome 131.0.6778.86.
Smart meter firmware 2.1.0.9 pushed overnight.
Release 2026.48.2.1 included the fix.
Driver 31.0.15.5186 resolved the display issue.
The webshop's checkout extension 3.3.3.3 stops the returns form from submitting.
Integration partner's order feed fails on endpoint v2.14 with HTTP 500 since the weekend.
The e-commerce widget 8.12.0.301 double-submits orders.
Heating schedule lost after the thermostat moved to 6.7.2.15.
Hotfix 9.0.4.2 rolled out to the call centre desktops.
SDK 12.0.3.44 is required for the integration.
Firmware 0.9.81.3 (beta) is on the customer's hub.
The kiosk software version is 14.2.0.1188.
Console update 23.4.1.7 failed twice.
Policy wording section 4.3.2.1 excludes flood.

# --- hard negatives: 16-digit and other card-length numbers that fail Luhn
Gift card number {badcard:6:16:s4} has a zero balance.
Customer read {badcard:4:16:s4}, which the terminal rejected as not a valid card.
Supermarket points card {badcard:5:16:d4} was merged into the household account.
Voucher code {badcard:3:16:n} applied to the order.
Store card {badcard:4:16:n} could not be validated.
The 19-digit parcel ID {badcard:62:19:n} shows delivered.
Prepaid meter key {badcard:4:19:s4.4.4.4.3} needs a top-up.
Tracking reference {badcard:35:16:s4} from the carrier.
Claim barcode {badcard:37:15:s4.6.5} on the form.
Membership number {badcard:36:14:s4.6.4} for the airport lounge.
Clinic visitor badge {badcard:2:16:s4} was deactivated after the appointment.
Transit pass {badcard:6011:16:d4} refunded.
Bank statement narrative shows remittance ref {badcard:5:16:s4.4.8} for the refund.
Concert e-ticket {badcard:4:13:n} was rebooked for the postponed date.
Customer typed {badcard:55:16:s4}; the card form said invalid number.
Fuel card {badcard:7:16:s4} has a monthly limit.
Utility payment card {badcard:98:19:n} for the prepay meter.
Airline miles account {badcard:2720:16:n} was credited for the delayed flight.
Serial {badcard:6304:18:n} on the meter casing.
The hospital's patient barcode {badcard:50:12:n} was rescanned.

# --- hard negatives: 9-digit numbers that fail the routing or SSN rules
Policy number {nonaba} renewed for another year.
Claim {nonaba} is waiting for documents.
Water account {nonaba} now gets e-bills only.
Member number {nofed} on the health card.
Shipment {nofed} delayed at the port.
Order {nonaba} refunded in full.
The energy complaint {nofed} went to the ombudsman deadlock stage.
Booking {nonaba} for three passengers.
Invoice {nofed} paid by bank transfer.
Patient record {nonaba} merged with a duplicate.
Claim ID {badssn:d:area000} is pending.
Pallet move {badssn:d:area666} from Leeds to Bristol is booked.
Employee badge {badssn:d:area9} reissued.
Engineer's job sheet {badssn:d:group00} closed after the meter swap.
Part number {badssn:d:serial0000} out of stock.
Return {badssn:s:area000} received.
Nightly settlement batch {badssn:s:area666} was rerun after the bank outage.
Lot number {badssn:s:group00} recalled by the manufacturer.
Spa voucher {badssn:d:area9} expired before the rebooked stay.
Order line {badssn:s:serial0000} cancelled.

# --- hard negatives: IBAN-shaped strings with wrong check digits
The bank rejected {badiban:DE:s4} as an invalid IBAN.
Payout failed: {badiban:GB:s4} did not pass validation.
Customer's IBAN {badiban:FR:n} bounced, she will check her statement.
Mandate refused for {badiban:ES:s4} - wrong check digits.
{badiban:IT:s4} is not a valid IBAN according to the form.
Refund to {badiban:NL:s4} was returned by the bank.
Typo in IBAN: {badiban:BE:n}.
Validation error on {badiban:AT:s4}.
Accounts payable stopped the vendor change: {badiban:PL:s4} is off by a digit.
Stockholm supplier's payout bounced: {badiban:SE:n} fails the check digits.
Customer corrected {badiban:CH:s4} after the bounce.
{badiban:PT:s4} failed at the clearing house.
The form flagged {badiban:IE:s4} as invalid.
Returned payment: {badiban:FI:n}.
Invalid account {badiban:DK:s4} on the invoice.
Bounce for {badiban:NO:s4}.
Athens hotel's refund IBAN {badiban:GR:s4} came back from the bank as unknown.
IBAN {badiban:HU:n} not recognised.

# --- hard negatives: serial numbers, postcodes and other codes
Device serial SN-48K2-77QX-0193 is still under warranty.
Replacement router 21R48X3390K was provisioned remotely.
Hearing aid serial 4821-3390-77 sent for repair.
IMEI check failed, device marked as lost.
Boiler model GX-4821 serial 20261047A.
Postcode SW1A 1AA on the delivery.
Storm damage claims from ZIP 80202-4821 are handled by the Denver team.
Postleitzahl 10115 Berlin.
Code postal 75008 Paris.
Engineer visit for postcode area 3011 AB moved to the afternoon round.
Postal code M5V 3L9 for the Toronto clinic.
Depot 48, bay 2B holds the returned item.
PIN code 560034 for the Bengaluru delivery.
CAP 20121 Milano.
Discount code SPRING-4821 rejected.
First-order code WELCOME10 knocked 10% off the replacement.
Seat 32F on the rebooked flight.
Gate B48 for the connection.
Room 1204 at the hotel.
Wi-Fi SSID CLINIC-GUEST-48.
Modem model TG-4821 replaced under warranty.
License key 4K9Q-7RTX-22PL-0M3D for the B2B seat.
ICD-10 code J45.909 on the referral.
SKU 00848213390 out of stock.
EAN 4006381333931 on the return label.
Repair estimate RE-4821-33 for the claim vehicle.
Latitude 52.5200, longitude 13.4050 for the outage.
Error 0xC004F074 on the activation.
Queue 48 for the rebooking team.
Floor 3, desk 48, building C.

# --- hard negatives: phone-shaped numbers that are not valid in their numbering plan
Claim reference {nottel:US:555-012-3456} in the letter.
Subrogation file {nottel:US:100-482-1937} recovered the excess from the third party.
Replacement handset under order {nottel:US:(011) 482-7730} left the hub today.
Prior-authorisation number {nottel:US:911-482-7713} appears on the clinic's fax.
Pre-auth {nottel:US:1-000-482-3390} for the rental car was released.
Account {nottel:US:+1 099 482 3301} is a test record.
Order {nottel:GB:0800 48 213} on the receipt. ~GB
The arrears letter quotes account {nottel:GB:00000 482139}. ~GB
Dossier {nottel:FR:08 00 48 21} clôturé. ~FR
Vertrag {nottel:DE:0000 4821339} gekündigt. ~DE
Pedido {nottel:ES:100 482 133} enviado. ~ES
Broadband fault docket {nottel:IN:01234 56} closed by the field team. ~IN
Job {nottel:AU:0100 482 139} completed. ~AU
Booking {nottel:JP:0000-48-2139} cancelled. ~JP
Retourzending {nottel:NL:0048 213} is bij het magazijn aangekomen. ~NL
Claim {nottel:IT:0000 482139} pending. ~IT
Case {nottel:BR:(00) 0482-1390} resolved. ~BR
Order {nottel:MX:00 4821 339} delivered. ~MX
Invoice {nottel:CA:+1 482 123 4567} paid.
Landlord's buildings cover (policy {nottel:GB:+44 0 482 1339}) renewed at the same excess.

# --- no PII: summaries without personal values
Policyholder reported a cracked windscreen; agent booked a repair at the nearest partner garage.
Customer asked how to change the email on the account; agent sent the help article.
Caller passed the knowledge questions; parcel lockers set as the default delivery option.
Patient asked about parking at the clinic; agent explained the options.
Customer disputes a card transaction; agent explained the chargeback process and timelines.
Summary: B2B customer wants single sign-on; agent raised a feature request.
Customer asked whether we need her date of birth to reschedule; agent said no.
Customer confused IBAN and account number; agent explained the difference.
Telecom customer wants a number port; agent explained the porting code process.
Customer returned a jacket bought online; refund approved to the original payment method.
Agent explained that the phone number on file will receive a one-time code.
Traveller asked about baggage allowance on the rebooked flight.
Utility customer asked for a smart meter; agent added them to the waiting list.
Agent reminded the customer never to share their full card number in chat.
Customer praised the engineer; no further action.
"""

if __name__ == "__main__":
    sys.exit(verify() if sys.argv[1:] == ["--verify"] else main())
