#!/usr/bin/env python3
"""Writes pii_corpus_holdout.tsv: the out-of-sample PII corpus (issue 16).

Written after the detector was finished and not used to tune it. Sentences
are phrased as Copilot and STA summaries phrase them; the values are real
formats from many countries (phone numbers in each country's own grouping,
IBANs of each country's length, cards of every scheme), and the hard
negatives are what contact-centre summaries are full of: order and tracking
numbers, prices, times, dates that are not birth dates, ticket IDs, versions,
16-digit numbers that fail Luhn. Labels are what a compliance officer would
call PII, decided when the line is written, never by running the scanner.

Deterministic (fixed seed): `python3 make_holdout.py > pii_corpus_holdout.tsv`.
"""
import random

rng = random.Random(20261130)


def luhn_complete(body):
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


def digits(n):
    return "".join(rng.choice("0123456789") for _ in range(n))


CARD_SCHEMES = [  # (prefix choices, lengths)
    (["4"], [13, 16, 16, 16, 19]),
    (["51", "52", "53", "54", "55", "2221", "2500", "2720"], [16]),
    (["34", "37"], [15]),
    (["6011", "644", "647", "649", "65"], [16, 19]),
    (["3528", "3530", "3566", "3589"], [16, 19]),
    (["300", "305", "3095", "36"], [14]),
    (["38", "39"], [16]),
    (["62"], [16, 17, 18, 19]),
    (["5018", "5020", "5038", "5893", "6304", "6759", "6761", "6763"], [12, 13, 16, 19]),
    (["2200", "2204"], [16]),
]


def card():
    prefixes, lengths = rng.choice(CARD_SCHEMES)
    prefix = rng.choice(prefixes)
    length = rng.choice(lengths)
    return luhn_complete(prefix + digits(length - len(prefix) - 1))


def group(number, style):
    if style == "plain":
        return number
    if style == "4s":
        return " ".join(number[i:i + 4] for i in range(0, len(number), 4))
    if style == "4d":
        return "-".join(number[i:i + 4] for i in range(0, len(number), 4))
    if style == "amex" and len(number) == 15:
        return f"{number[:4]} {number[4:10]} {number[10:]}"
    if style == "pairs":
        return " ".join(number[i:i + 2] for i in range(0, len(number), 2))
    if style == "3s":
        return " ".join(number[i:i + 3] for i in range(0, len(number), 3))
    return number


def card_text():
    number = card()
    style = rng.choice(["plain", "4s", "4s", "4d", "amex", "pairs", "3s"])
    return group(number, style)


def not_luhn_16():
    while True:
        n = rng.choice("3456") + digits(15)
        body = n[:-1]
        if luhn_complete(body) != n:
            return n


# Each country's numbers, written the way people there write them.
INTERNATIONAL = [
    lambda: f"+1 {rng.choice(['212', '415', '617', '312', '713', '305'])}-{rng.randint(200, 999)}-{digits(4)}",
    lambda: f"+1 ({rng.choice(['416', '604', '514', '403'])}) {rng.randint(200, 999)}-{digits(4)}",
    lambda: f"+44 20 7{digits(3)} {digits(4)}",
    lambda: f"+44 7{rng.choice(['400', '700', '911', '824'])} {digits(6)}",
    lambda: f"+44 (0)161 {rng.randint(200, 999)} {digits(4)}",
    lambda: f"+49 30 {rng.randint(2, 9)}{digits(6)}",
    lambda: f"+49 151 {digits(4)} {digits(4)}",
    lambda: f"+49 (0)89 {rng.randint(2, 9)}{digits(3)} {digits(3)}",
    lambda: f"+33 1 {rng.randint(40, 59)} {digits(2)} {digits(2)} {digits(2)}",
    lambda: f"+33 6 {digits(2)} {digits(2)} {digits(2)} {digits(2)}",
    lambda: f"+39 02 {rng.randint(2, 9)}{digits(3)} {digits(4)}",
    lambda: f"+39 3{rng.randint(20, 49)} {digits(3)} {digits(4)}",
    lambda: f"+34 91 {digits(3)} {digits(2)} {digits(2)}",
    lambda: f"+34 6{digits(2)} {digits(2)} {digits(2)} {digits(2)}",
    lambda: f"+31 20 {rng.randint(2, 9)}{digits(2)} {digits(4)}",
    lambda: f"+31 6 {rng.randint(1, 5)}{digits(7)}",
    lambda: f"+32 2 {rng.randint(2, 7)}{digits(2)} {digits(2)} {digits(2)}",
    lambda: f"+41 44 {rng.randint(2, 9)}{digits(2)} {digits(2)} {digits(2)}",
    lambda: f"+41 79 {digits(3)} {digits(2)} {digits(2)}",
    lambda: f"+43 1 {rng.randint(2, 9)}{digits(6)}",
    lambda: f"+43 664 {digits(7)}",
    lambda: f"+46 8 {digits(3)} {digits(3)} {digits(2)}",
    lambda: f"+46 70 {digits(3)} {digits(2)} {digits(2)}",
    lambda: f"+47 {rng.choice(['4', '9'])}{digits(2)} {digits(2)} {digits(3)}",
    lambda: f"+45 {rng.randint(20, 99)} {digits(2)} {digits(2)} {digits(2)}",
    lambda: f"+358 40 {digits(3)} {digits(4)}",
    lambda: f"+353 1 {rng.randint(2, 9)}{digits(2)} {digits(4)}",
    lambda: f"+353 87 {digits(3)} {digits(4)}",
    lambda: f"+351 21 {digits(3)} {digits(4)}",
    lambda: f"+351 91{rng.randint(0, 9)} {digits(3)} {digits(3)}",
    lambda: f"+48 22 {digits(3)} {digits(2)} {digits(2)}",
    lambda: f"+48 5{rng.randint(0, 1)}{digits(1)} {digits(3)} {digits(3)}",
    lambda: f"+420 6{digits(2)} {digits(3)} {digits(3)}",
    lambda: f"+81 3-{digits(4)}-{digits(4)}",
    lambda: f"+81 90-{digits(4)}-{digits(4)}",
    lambda: f"+86 139 {digits(4)} {digits(4)}",
    lambda: f"+86 21 {rng.randint(5, 6)}{digits(3)} {digits(4)}",
    lambda: f"+91 9{digits(4)} {digits(5)}",
    lambda: f"+91 80 {rng.randint(2, 4)}{digits(3)} {digits(4)}",
    lambda: f"+61 2 {rng.randint(8, 9)}{digits(3)} {digits(4)}",
    lambda: f"+61 4{digits(2)} {digits(3)} {digits(3)}",
    lambda: f"+64 21 {digits(3)} {digits(4)}",
    lambda: f"+55 11 9{digits(4)}-{digits(4)}",
    lambda: f"+55 21 {rng.randint(2, 3)}{digits(3)}-{digits(4)}",
    lambda: f"+52 55 {digits(4)} {digits(4)}",
    lambda: f"+27 82 {digits(3)} {digits(4)}",
    lambda: f"+27 21 {digits(3)} {digits(4)}",
    lambda: f"+65 9{digits(3)} {digits(4)}",
    lambda: f"+82 10-{digits(4)}-{digits(4)}",
    lambda: f"+971 50 {digits(3)} {digits(4)}",
    lambda: f"+852 9{digits(3)} {digits(4)}",
    lambda: f"+972 52-{digits(3)}-{digits(4)}",
    lambda: f"+90 532 {digits(3)} {digits(2)} {digits(2)}",
    lambda: f"+54 9 11 {digits(4)}-{digits(4)}",
    lambda: f"+30 69{rng.randint(0, 9)} {digits(3)} {digits(4)}",
    lambda: f"+36 30 {digits(3)} {digits(4)}",
    lambda: f"+40 7{rng.randint(2, 4)}{digits(1)} {digits(3)} {digits(3)}",
    lambda: f"+63 917 {digits(3)} {digits(4)}",
    lambda: f"+66 8{rng.randint(1, 9)} {digits(3)} {digits(4)}",
    lambda: f"+234 80{rng.randint(3, 6)} {digits(3)} {digits(4)}",
]

US_AREAS = ["212", "312", "415", "617", "646", "702", "713", "305", "404", "503", "206", "303", "214", "512",
            "602", "619", "720", "786", "818", "917", "347", "201", "973", "614", "216", "412", "919", "704"]


def us_number():
    area = rng.choice(US_AREAS)
    exchange = str(rng.randint(200, 999))
    line = digits(4)
    return rng.choice([
        f"({area}) {exchange}-{line}", f"{area}-{exchange}-{line}", f"{area}.{exchange}.{line}",
        f"{area} {exchange} {line}", f"1-{area}-{exchange}-{line}", f"+1 {area} {exchange} {line}",
        f"({area}){exchange}-{line}",
    ])


# National numbers read in their own default region.
NATIONAL = [
    ("GB", lambda: f"020 7{digits(3)} {digits(4)}"), ("GB", lambda: f"07{rng.choice(['400', '700', '911'])} {digits(6)}"),
    ("GB", lambda: f"0161 {rng.randint(200, 999)} {digits(4)}"),
    ("DE", lambda: f"030 {rng.randint(2, 9)}{digits(6)}"), ("DE", lambda: f"0151 {digits(8)}"),
    ("DE", lambda: f"089/{rng.randint(2, 9)}{digits(6)}"),
    ("FR", lambda: f"01 {rng.randint(40, 59)} {digits(2)} {digits(2)} {digits(2)}"),
    ("FR", lambda: f"06 {digits(2)} {digits(2)} {digits(2)} {digits(2)}"),
    ("AU", lambda: f"04{digits(2)} {digits(3)} {digits(3)}"), ("AU", lambda: f"(02) {rng.randint(8, 9)}{digits(3)} {digits(4)}"),
    ("IN", lambda: f"09{digits(3)} {digits(5)}"), ("NL", lambda: f"06-{rng.randint(1, 5)}{digits(7)}"),
    ("ES", lambda: f"6{digits(2)} {digits(2)} {digits(2)} {digits(2)}"), ("IT", lambda: f"3{rng.randint(20, 49)} {digits(3)} {digits(4)}"),
    ("CH", lambda: f"079 {digits(3)} {digits(2)} {digits(2)}"), ("JP", lambda: f"090-{digits(4)}-{digits(4)}"),
    ("BR", lambda: f"(11) 9{digits(4)}-{digits(4)}"), ("MX", lambda: f"55 {digits(4)} {digits(4)}"),
]


def iban(country, bban):
    rearranged = bban + country + "00"
    numeric = "".join(str(int(c, 36)) for c in rearranged)
    check = 98 - int(numeric) % 97
    return f"{country}{check:02d}{bban}"


IBAN_FORMATS = {  # BBAN shape: letters then digits
    "DE": (0, 18), "FR": (0, 23), "ES": (0, 20), "IT": (1, 22), "NL": (4, 10), "BE": (0, 12), "AT": (0, 16),
    "CH": (0, 17), "PL": (0, 24), "SE": (0, 20), "NO": (0, 11), "DK": (0, 14), "FI": (0, 14), "IE": (4, 14),
    "PT": (0, 21), "GB": (4, 14), "LU": (0, 16), "GR": (0, 23), "CZ": (0, 20), "HU": (0, 24), "RO": (4, 16),
    "HR": (0, 17), "SA": (0, 20), "AE": (0, 19), "TR": (0, 22), "BR": (0, 25),
}


def iban_text():
    country = rng.choice(sorted(IBAN_FORMATS))
    letters, n = IBAN_FORMATS[country]
    bban = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(letters)) + digits(n)
    value = iban(country, bban)
    if rng.random() < 0.6:
        value = " ".join(value[i:i + 4] for i in range(0, len(value), 4))
    return value


def bad_iban_text():
    text = iban_text().replace(" ", "")
    check = int(text[2:4])
    text = text[:2] + f"{(check + rng.randint(1, 50)) % 97 + 2:02d}"[-2:] + text[4:]
    return text


def ssn():
    area = rng.choice([n for n in range(1, 900) if n != 666])
    return f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"


def routing():
    prefix = rng.choice(list(range(1, 13)) + list(range(21, 33)) + list(range(61, 73)) + [80])
    body = f"{prefix:02d}" + digits(6)
    w = [3, 7, 1, 3, 7, 1, 3, 7]
    total = sum(int(c) * w[i] for i, c in enumerate(body))
    return body + str((10 - total % 10) % 10)


def ipv4():
    return ".".join(str(x) for x in [rng.choice([23, 45, 66, 81, 98, 104, 141, 172, 185, 203, 212]),
                                     rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254)])


def ipv6():
    return rng.choice([
        f"2001:db8:{rng.randint(0, 65535):x}::{rng.randint(1, 65535):x}",
        f"2a02:{rng.randint(4096, 65535):x}:{rng.randint(0, 65535):x}:{rng.randint(0, 65535):x}::1",
        f"fe80::{rng.randint(0, 65535):x}:{rng.randint(0, 65535):x}:{rng.randint(0, 65535):x}:{rng.randint(0, 65535):x}",
        f"2600:1700:{rng.randint(0, 65535):x}:{rng.randint(0, 65535):x}:{rng.randint(0, 65535):x}:{rng.randint(0, 65535):x}:{rng.randint(0, 65535):x}:{rng.randint(0, 65535):x}",
    ])


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def birth_date():
    y, m, d = rng.randint(1935, 2006), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice([
        f"{d:02d}.{m:02d}.{y}", f"{m:02d}/{d:02d}/{y}", f"{y}-{m:02d}-{d:02d}", f"{d} {MONTHS[m - 1]} {y}",
        f"{MONTHS[m - 1]} {d}, {y}", f"{d}/{m}/{y}", f"{MONTHS[m - 1][:3]} {d}, {y}",
    ])


def other_date():
    y, m, d = rng.randint(2024, 2027), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice([f"{d:02d}.{m:02d}.{y}", f"{m:02d}/{d:02d}/{y}", f"{y}-{m:02d}-{d:02d}",
                       f"{d} {MONTHS[m - 1]} {y}", f"{MONTHS[m - 1]} {d}, {y}"])


EMAIL_NAMES = ["maria.gonzalez", "j.smith", "li.wei", "a.kowalski", "priya.sharma", "t.nguyen", "o.okafor",
               "sven.larsson", "m.dubois", "k.yamamoto", "fatima.alsayed", "jp.morgan77", "lucia+orders",
               "d_oconnor", "helga.schmidt", "ravi.k", "ana.souza", "chen.jing", "noah.williams", "ines.moreau"]
EMAIL_DOMAINS = ["example.com", "gmail.com", "outlook.de", "yahoo.co.uk", "web.de", "orange.fr", "libero.it",
                 "example.co.jp", "company.com.au", "uol.com.br", "mail.example.org", "corp.example.net"]


def email():
    return f"{rng.choice(EMAIL_NAMES)}@{rng.choice(EMAIL_DOMAINS)}"


lines = []


def add(text, kinds, region=None):
    kinds_text = ",".join(kinds) if kinds else "-"
    lines.append(f"{text}\t{kinds_text}" + (f"\t{region}" if region else ""))


def section(title):
    lines.append("")
    lines.append(f"# --- {title}")


# Summaries as Copilot / STA write them, one kind at a time.
section("phone: international, local groupings of many countries")
PHONE_TEMPLATES = [
    "Customer requested a callback on {p} after 3pm local time.",
    "Caller provided an alternate contact number, {p}, for follow-up.",
    "The customer asked the agent to update the mobile number on file to {p}.",
    "Summary: customer travelling abroad, reachable at {p} until Friday.",
    "Agent confirmed the phone number {p} before closing the case.",
    "Customer's daughter ({p}) is authorised to discuss the account.",
    "Follow-up: text the tracking link to {p}.",
    "The caller said the best number to reach her is {p}.",
    "Reason for call: number change. New number {p}.",
    "Customer called from {p} and asked about roaming charges.",
]
for i in range(70):
    add(rng.choice(PHONE_TEMPLATES).format(p=INTERNATIONAL[i % len(INTERNATIONAL)]()), ["phone"])

section("phone: US numbers in US formats")
for _ in range(40):
    add(rng.choice(PHONE_TEMPLATES).format(p=us_number()), ["phone"])

section("phone: national numbers in their own region")
for i in range(24):
    region, make = NATIONAL[i % len(NATIONAL)]
    add(rng.choice(PHONE_TEMPLATES).format(p=make()), ["phone"], region)

section("card: every scheme, groupings as read aloud")
CARD_TEMPLATES = [
    "Customer read out the full card number {c} before the agent could stop them.",
    "Payment attempted with card {c}; the bank declined it.",
    "Customer wants card {c} removed from the account.",
    "Agent noted card number {c} for the refund, against policy.",
    "The caller disputed a charge on {c}.",
    "Summary: customer provided {c} to pay the outstanding balance.",
    "New card {c} was added for auto-pay.",
    "Order {o} was paid with {c}.",
    "Reference {o}: customer gave the card {c} over chat.",
]
for _ in range(70):
    add(rng.choice(CARD_TEMPLATES).format(c=card_text(), o=digits(8)), ["card"])

section("ssn")
SSN_TEMPLATES = [
    "Customer verified identity with SSN {s}.",
    "The caller provided social security number {s} for the credit check.",
    "SSN on the application reads {s}.",
    "Agent asked for the SSN; customer gave {s}.",
    "Case 4471 notes: SSN {s} was read aloud on the call.",
]
for _ in range(24):
    s = ssn()
    if rng.random() < 0.3:
        s = s.replace("-", " ")
    add(rng.choice(SSN_TEMPLATES).format(s=s), ["ssn"])

section("iban")
IBAN_TEMPLATES = [
    "Customer requested the refund to IBAN {i}.",
    "Direct debit mandate updated, new IBAN {i}.",
    "The caller read their IBAN as {i} for the transfer.",
    "Summary: refund pending, account {i}, processing in 5 days.",
    "Payout to {i} confirmed by the customer.",
]
for _ in range(36):
    add(rng.choice(IBAN_TEMPLATES).format(i=iban_text()), ["iban"])

section("email")
EMAIL_TEMPLATES = [
    "Customer asked for the invoice to be sent to {e}.",
    "Contact email updated to {e}.",
    "The agent emailed the return label to {e}.",
    "Customer's work address is {e}; personal one not given.",
    "Please cc {e} on the resolution.",
]
for _ in range(30):
    add(rng.choice(EMAIL_TEMPLATES).format(e=email()), ["email"])

section("dob")
DOB_TEMPLATES = [
    "Identity verified with date of birth {d}.",
    "Customer's DOB is {d}.",
    "The caller was born on {d}, per the security check.",
    "Agent confirmed D.O.B. {d} and postcode.",
    "Date of birth given as {d}; matches the account.",
    "Customer (born {d}) asked about the senior discount.",
]
for _ in range(30):
    add(rng.choice(DOB_TEMPLATES).format(d=birth_date()), ["dob"])

section("routing")
ROUTING_TEMPLATES = [
    "Direct deposit set up with routing number {r} and account 00{a}.",
    "Customer gave ABA {r} for the wire.",
    "Checking account ending {a4}, routing {r}.",
    "Bank routing number {r} was read out for the ACH payment.",
]
for _ in range(20):
    add(rng.choice(ROUTING_TEMPLATES).format(r=routing(), a=digits(8), a4=digits(4)), ["routing"])

section("ip")
IP_TEMPLATES = [
    "Customer's login was blocked from IP {ip}.",
    "Router reports public address {ip}.",
    "Suspicious sign-in from {ip} flagged by the customer.",
    "Agent whitelisted {ip} for the VPN.",
]
for _ in range(16):
    add(rng.choice(IP_TEMPLATES).format(ip=ipv4()), ["ip"])
for _ in range(8):
    add(rng.choice(IP_TEMPLATES).format(ip=ipv6()), ["ip"])

section("mixed")
for _ in range(20):
    add(f"Customer {email()} called from {rng.choice(INTERNATIONAL)()} about card {card_text()}.",
        ["email", "phone", "card"])
for _ in range(10):
    add(f"Refund to {iban_text()} confirmed; customer DOB {birth_date()} verified, callback {us_number()}.",
        ["iban", "dob", "phone"])

section("hard negatives: order and tracking numbers, prices, times, dates, IDs, versions")
NEGATIVES = [
    lambda: f"Order {digits(8)} was delayed at the warehouse.",
    lambda: f"Order #{rng.randint(100, 999)}-{digits(7)} shipped on {other_date()}.",
    lambda: f"UPS tracking 1Z{digits(3)}AA{digits(10)} shows out for delivery.",
    lambda: f"FedEx tracking {digits(12)} was updated this morning.",
    lambda: f"USPS tracking {'9400'} {digits(4)} {digits(4)} {digits(4)} {digits(4)} {digits(2)} delivered.",
    lambda: f"The refund of ${rng.randint(1, 9)},{digits(3)}.{digits(2)} was processed.",
    lambda: f"Customer was charged EUR {rng.randint(1, 9)}.{digits(3)},{digits(2)} by mistake.",
    lambda: f"Plan costs {rng.randint(10, 99)}.99 per month, down from {rng.randint(100, 199)}.00.",
    lambda: f"Callback scheduled for {rng.randint(1, 12)}:{rng.choice(['00', '15', '30', '45'])} pm on {other_date()}.",
    lambda: f"Delivery window {rng.randint(8, 11)}:00-{rng.randint(12, 18)}:00 on {other_date()}.",
    lambda: f"The appointment moved to {other_date()}.",
    lambda: f"Contract renews on {other_date()} for 24 months.",
    lambda: f"Ticket INC{digits(7)} was escalated to tier 2.",
    lambda: f"Case CS-2026-{digits(6)} closed after the refund.",
    lambda: f"Ticket {digits(4)}-{digits(4)}-{digits(4)} reopened.",
    lambda: f"App version {rng.randint(1, 12)}.{rng.randint(0, 20)}.{rng.randint(0, 99)} crashes on launch.",
    lambda: f"Firmware {rng.randint(1, 9)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}.{rng.randint(0, 99)} fixed the issue.",
    lambda: f"Windows build 10.0.{rng.randint(19041, 22631)}.{rng.randint(1000, 4000)} is affected.",
    lambda: f"Customer quoted reference {not_luhn_16()} from the letter.",
    lambda: f"Gift card code {group(not_luhn_16(), '4s')} did not work.",
    lambda: f"Loyalty number {rng.choice('789')}{digits(15)} was linked.",
    lambda: f"Card ending in {digits(4)} was charged twice.",
    lambda: f"Only the last four digits ({digits(4)}) were shared.",
    lambda: f"Account {digits(8)} was credited {rng.randint(5, 90)} dollars.",
    lambda: f"Customer id {digits(10)} was merged with a duplicate.",
    lambda: f"Invoice INV-{rng.randint(2024, 2026)}-{digits(5)} is overdue.",
    lambda: f"PO {digits(10)} approved by procurement.",
    lambda: f"Serial number SN{digits(10)} is under warranty.",
    lambda: f"Hold time was {rng.randint(0, 59)}:{rng.randint(10, 59)}, handle time {rng.randint(2, 30)}:{rng.randint(10, 59)}.",
    lambda: f"Satisfaction {rng.randint(1, 5)}.{rng.randint(0, 9)}/5 across {rng.randint(2, 40)} surveys.",
    lambda: f"Customer wants {rng.randint(2, 20)} units by {other_date()}.",
    lambda: f"ZIP {digits(5)}-{digits(4)} on the shipping label.",
    lambda: f"Postcode SW1A {rng.randint(1, 9)}AA confirmed.",
    lambda: f"Meter reading {digits(5)}.{rng.randint(0, 9)} kWh on {other_date()}.",
    lambda: f"Flight LH{rng.randint(100, 999)} departs at {rng.randint(6, 22)}:{rng.choice(['05', '35', '50'])}.",
    lambda: f"Booking reference {rng.choice(['ABC', 'XQZ', 'KLM'])}{digits(3)} for {rng.randint(2, 5)} passengers.",
    lambda: f"Store #{digits(4)}, register {rng.randint(1, 9)}, transaction {digits(4)}-{digits(2)}-{digits(4)}.",
    lambda: f"Call volume was {rng.randint(10, 99)},{digits(3)} this week.",
    lambda: f"Population {rng.randint(1, 90)} {digits(3)} {digits(3)} mentioned in passing.",
    lambda: f"Next billing date {other_date()}, amount {rng.randint(20, 300)}.{digits(2)}.",
    lambda: f"IMEI 35{digits(13)} reported stolen.",
    lambda: f"Barcode 40{digits(11)} scanned at checkout.",
    lambda: f"Customer's birthday party is not our concern; delivery on {other_date()}.",
    lambda: f"Batch {digits(9)} failed quality control.",
    lambda: f"Time stamp {rng.randint(2024, 2026)}{rng.randint(10, 12)}{rng.randint(10, 28)} {digits(6)} in the logs.",
    lambda: f"Conference code {digits(3)} {digits(3)} {digits(3)} for the bridge.",
    lambda: f"Extension {digits(4)} at the branch handles returns.",
    lambda: f"Pages {rng.randint(10, 99)}-{rng.randint(100, 999)} of the manual cover setup.",
    lambda: f"Invalid IBAN {bad_iban_text()} was rejected by the form.",
    lambda: f"SSN {rng.choice(['000', '666', '912'])}-{rng.randint(10, 99)}-{digits(4)} is not a valid number.",
    lambda: f"Ratio {rng.randint(1, 32)}:{rng.randint(1, 9)} and {rng.randint(10, 23)}:{rng.randint(10, 59)}:{rng.randint(10, 59)} logged.",
    lambda: f"Coordinates {rng.randint(10, 60)}.{digits(4)}, {rng.randint(1, 30)}.{digits(4)} for pickup.",
    lambda: f"Agent ID {digits(5)}, team {rng.randint(1, 20)}, queue Billing.",
    lambda: f"Error code 0x{rng.randint(0x10000000, 0x8fffffff):08X} on login.",
]
for i in range(170):
    add(NEGATIVES[i % len(NEGATIVES)](), [])

print("# Out-of-sample PII corpus (issue 16): written by make_holdout.py after the detector was finished;")
print("# measured once before any further change, never tuned on. Same format as pii_corpus.tsv:")
print("# <text> TAB <kinds or -> [TAB <default region>]. Values are synthetic (test card numbers, generated")
print("# IBANs and routing numbers, example-range phone numbers): no line holds a real person's data.")
print("\n".join(lines))
