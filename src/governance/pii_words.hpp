// SPDX-License-Identifier: Apache-2.0
#pragma once
// The words the PII context rules read (pii_context.cpp): what names a
// number as a phone, a birth, a version or a network address, and what says
// it is none of them. Data only; docs/pii.md says why each class exists.
#include <string_view>

namespace insightd::governance::rules::words {

// Every form a summary writer uses, not only the base word ("she calls
// from", "rang on", "texting", "dialled"): verbs in all their forms, the
// nouns for the line and the number, and their abbreviations.
inline constexpr std::string_view kPhoneWords[] = {
    "call",          "calls",       "called",     "calling",     "caller",   "callers",    "callback",
    "callbacks",     "phone",       "phones",     "phoned",      "phoning",  "telephone",  "telephones",
    "telephoned",    "telephoning", "tel",        "telno",       "mobile",   "mobiles",    "mob",
    "cell",          "cells",       "cellphone",  "cellphones",  "cellular", "landline",   "landlines",
    "fax",           "faxes",       "faxed",      "faxing",      "whatsapp", "whatsapped", "sms",
    "smsed",         "text",        "texts",      "texted",      "texting",  "txt",        "dial",
    "dials",         "dialed",      "dialled",    "dialing",     "dialling", "redial",     "redialed",
    "redialled",     "reach",       "reaches",    "reached",     "reaching", "reachable",  "contact",
    "contacts",      "contacted",   "contacting", "contactable", "ring",     "rings",      "rang",
    "ringing",       "voicemail",   "voicemails", "hotline",     "ph",       "phn",        "telefon",
    "telefonnummer", "handy",       "rufnummer",  "portable",    "telefono", "telefone",   "celular",
    "movil",         "tlf",
};
inline constexpr std::string_view kBirthWords[] = {
    "born",         "birth",  "birthday",  "birthdays",  "birthdate", "birthdates", "dob", "dobs", "geboren",
    "geburtsdatum", "geburt", "naissance", "nacimiento", "nascita",   "nascimento", "nee", "née",
};
inline constexpr std::string_view kRoutingWords[] = {"routing", "aba", "rtn", "transit"};
// What a four-part version number follows ("SDK is 1.2.10.7", "library
// 0.9.12.3", "upgraded to 10.0.0.1"): software and product-component nouns
// and the verbs of installing, and the linking words between them and the number.
inline constexpr std::string_view kSoftwareWords[] = {
    "version",  "versions", "ver",       "v",          "build",     "builds",     "firmware",   "fw",
    "release",  "releases", "rev",       "revision",   "sdk",       "app",        "apps",       "os",
    "ios",      "android",  "patch",     "patches",    "patched",   "hotfix",     "update",     "updated",
    "upgrade",  "upgraded", "upgrading", "downgraded", "driver",    "drivers",    "kernel",     "plugin",
    "plugins",  "addon",    "software",  "installed",  "library",   "libraries",  "lib",        "package",
    "packages", "pkg",      "module",    "modules",    "component", "components", "extension",  "extensions",
    "client",   "agent",    "edition",   "bundle",     "framework", "runtime",    "engine",     "toolkit",
    "api",      "cli",      "binary",    "codec",      "browser",   "installer",  "dependency", "pinned",
    "bumped",
};
// Document words: a four-part number after them numbers a clause ("clause
// 4.2.1.3", "section 2.1.3.4 of the terms", "§ 4.1.2.3").
inline constexpr std::string_view kDocumentWords[] = {
    "clause",    "clauses",    "section",   "sections",   "sec",      "subsection", "article",
    "articles",  "art",        "paragraph", "paragraphs", "para",     "rule",       "rules",
    "item",      "items",      "chapter",   "chapters",   "ch",       "appendix",   "annex",
    "schedule",  "step",       "steps",     "figure",     "fig",      "table",      "point",
    "provision", "regulation", "part",      "page",       "\xc2\xa7",
};
// What a device or program "runs" is its version ("the TV runs 5.4.0.120",
// "running 8.0.1.3"); "runs on 10.0.0.5" names a host.
inline constexpr std::string_view kRunWords[] = {"runs", "running", "run", "ran"};
// A sentence that moves software from one version to another ("Upgraded the
// client from 8.0.0.1 to 8.0.1.3", "rolled back to 5.0.9.9"): the numbers
// after its "from" and "to" are versions, unless it names the network.
inline constexpr std::string_view kUpgradeWords[] = {
    "upgrade",  "upgraded", "upgrades", "upgrading", "downgrade", "downgraded", "downgrading",
    "update",   "updated",  "updates",  "updating",  "rollback",  "rolled",     "revert",
    "reverted", "migrated", "migrate",  "bumped",    "patched",   "flashed",    "version",
    "versions", "build",    "release",  "firmware",
};
// Words that say a dotted quad is a network address: they win over a
// product noun before them ("app server 10.1.2.3", "Server 10.1.2.3").
inline constexpr std::string_view kNetworkWords[] = {
    "ip",          "ips",        "ipv4",        "address",     "addresses",   "addr",       "host",
    "hosts",       "hostname",   "server",      "servers",     "gateway",     "router",     "subnet",
    "dns",         "proxy",      "vpn",         "nat",         "endpoint",    "node",       "peer",
    "source",      "src",        "destination", "dst",         "firewall",    "lan",        "wan",
    "wifi",        "network",    "ping",        "pinged",      "connected",   "connection", "login",
    "logged",      "blocked",    "allowlisted", "whitelisted", "blacklisted", "banned",     "device",
    "laptop",      "computer",   "pc",          "printer",     "modem",       "machine",    "workstation",
    "camera",      "static",     "public",      "private",     "local",       "internal",   "external",
    "home",        "office",     "remote",      "traffic",     "connect",     "connects",   "connecting",
    "unreachable", "timed",      "timeout",     "refused",     "denied",      "port",       "allowlist",
    "whitelist",   "blocklist",  "blacklist",   "deploy",      "deployed",    "deploying",  "hosted",
    "forwarded",   "redirected", "routed",      "resolves",    "resolved",
};
// After a dotted quad, fewer words say "address": what is done to an address
// and the words for one, not the devices ("OS 10.0.0.1 on the laptop").
inline constexpr std::string_view kNetworkWordsAfter[] = {
    "ip",         "address",    "host",        "server", "gateway", "connect", "connects",    "connected",
    "connecting", "connection", "unreachable", "timed",  "timeout", "refused", "denied",      "blocked",
    "banned",     "pinged",     "port",        "dns",    "proxy",   "subnet",  "allowlisted", "whitelisted",
};
// What names a number as a phone's after it ("8184182236 is her new number",
// "... is his mobile"): the nouns for the line, not the verbs ("2125550100
// calls were logged" counts calls).
inline constexpr std::string_view kPhoneNounsAfter[] = {
    "phone", "mobile", "cell",     "cellphone", "landline", "telephone",
    "tel",   "fax",    "whatsapp", "voicemail", "hotline",  "callback",
};
inline constexpr std::string_view kPossessives[] = {"her", "his", "my", "their", "your", "our"};
// What a date after a list of dates of birth is, when the word after it says so
// ("DOB 01/02/1980 and 03/04/2024 delivery"): an event, not a birth.
inline constexpr std::string_view kDateEventWords[] = {
    "delivery",     "delivered", "appointment",  "order",   "ordered",  "shipped",  "shipping",  "renewal",
    "renewed",      "expiry",    "expires",      "expired", "due",      "payment",  "paid",      "booking",
    "booked",       "install",   "installation", "visit",   "callback", "meeting",  "refund",    "refunded",
    "invoice",      "invoiced",  "contract",     "start",   "started",  "deadline", "cancelled", "canceled",
    "cancellation", "purchase",  "purchased",    "return",  "returned", "closed",   "opened",
};
inline constexpr std::string_view kLinkingWords[] = {
    "is", "was", "are", "now", "still", "currently", "running", "on", "at", "of", "the", "to", "from", "as"};
// What may come between "birth"/"birthday" and a date of birth ("birthday is",
// "birth date", "date of birth verified as"). Any other word makes the birth word
// describe that thing ("birthday present on 20 Nov", "birthday sale"), not the date.
inline constexpr std::string_view kBirthLinkWords[] = {
    "is",      "was",    "date",    "day",   "of",       "on",        "as",        "at",         "in",
    "to",      "be",     "listed",  "given", "verified", "confirmed", "recorded",  "registered", "provided",
    "stated",  "shown",  "entered", "noted", "updated",  "changed",   "corrected", "reads",      "matches",
    "matched", "please", "again",   "too",   "are",      "were",      "dates",     "per",        "according",
};
// What opens the answer to a question in a transcript turn ("Customer: yes,
// it's 14 March 1968").
inline constexpr std::string_view kAnswerWords[] = {
    "yes",    "yeah", "yep", "yup",  "sure", "ok",   "okay",  "right",     "correct",     "certainly", "of",
    "course", "it",   "its", "s",    "is",   "that", "thats", "it\u2019s", "that\u2019s", "um",        "uh",
    "er",     "erm",  "so",  "well", "oh",   "my",   "mine",  "i",         "was",         "the",       "on",
};
// What joins the dates of a list ("DOBs 01/02/1980 and 03/04/1982",
// "corrected from 02/03/1980 to 03/02/1980", "born 3/4/1970, 5/6/1972 respectively").
inline constexpr std::string_view kDateListWords[] = {
    "and", "or",     "to",   "from", "then", "vs",   "versus", "not",  "but",   "now", "instead",
    "of",  "rather", "than", "was",  "is",   "were", "both",   "also", "later", "on",  "the"};
inline constexpr std::string_view kAttributiveBirthWords[] = {"birth", "birthday", "birthdays"};
// What "birth" and "birthday" describe when they do not name a date of birth:
// a question in a transcript ("date of birth for verification?") is read with
// these, not with the linking words, since its words after the birth word vary.
inline constexpr std::string_view kBirthThings[] = {
    "present",     "presents",     "card",    "cards",    "party",  "parties",     "cake",   "gift",
    "gifts",       "sale",         "voucher", "discount", "offer",  "message",     "wishes", "surprise",
    "certificate", "certificates", "place",   "name",     "weight", "country",     "city",   "town",
    "control",     "rate",         "plan",    "month",    "week",   "celebration", "dinner", "treat",
};
// A date said in words before its digits ("twelfth of April, 12/04/1979",
// "the fifth of... 5 January 1967"): read past, as part of the value.
inline constexpr std::string_view kSpokenDateWords[] = {
    "first",     "second",    "third",       "fourth",     "fifth",      "sixth",      "seventh",
    "eighth",    "ninth",     "tenth",       "eleventh",   "twelfth",    "thirteenth", "fourteenth",
    "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",  "thirtieth",
    "twenty",    "thirty",    "of",          "january",    "february",   "march",      "april",
    "may",       "june",      "july",        "august",     "september",  "october",    "november",
    "december",  "jan",       "feb",         "mar",        "apr",        "jun",        "jul",
    "aug",       "sep",       "sept",        "oct",        "nov",        "dec",        "\u2026",
};
// What may stand between a birth phrase and a label mark before its value:
// where the date is kept ("Date of birth on the policy: ...", "the birthday
// on file, ...", "the birth date listed, ...").
inline constexpr std::string_view kBirthLabelWords[] = {
    "the",     "on",          "in",      "our",      "your",      "his",    "her",    "their",    "my",
    "this",    "that",        "file",    "record",   "records",   "system", "policy", "account",  "form",
    "profile", "application", "we",      "have",     "has",       "held",   "for",    "customer", "s",
    "id",      "licence",     "license", "passport", "documents", "here",
};
// What the value of a question asked earlier in the sentence follows ("...
// date of birth and the customer said 3rd of April 1976").
inline constexpr std::string_view kSpeechWords[] = {
    "said",   "says",   "say",  "gave",      "gives",     "replied",  "replies", "answered", "answers",
    "stated", "states", "told", "responded", "confirmed", "confirms", "read",    "quoted",   "offered",
};
// Between the speech verb and the value ("said it was", "says that it's").
inline constexpr std::string_view kSpeechFillers[] = {"it",  "was", "is", "that", "s",
                                                      "its", "the", "um", "er",   "uh"};
// "born" of things, not people ("the idea was born at ...", "a scheme born out of ...").
inline constexpr std::string_view kThingWords[] = {
    "idea",     "ideas",    "plan",          "plans",        "scheme",      "schemes",   "product",
    "products", "project",  "projects",      "policy",       "policies",    "concept",   "initiative",
    "company",  "business", "brand",         "feature",      "features",    "programme", "program",
    "campaign", "service",  "app",           "startup",      "partnership", "proposal",  "strategy",
    "deal",     "merger",   "movement",      "tradition",    "team",        "venture",   "platform",
    "process",  "offer",    "promotion",     "club",         "charity",     "event",     "festival",
    "series",   "show",     "band",          "format",       "approach",    "design",    "system",
    "tool",     "workflow", "collaboration", "relationship", "friendship",  "rivalry",   "name",
};
inline constexpr std::string_view kBeWords[] = {
    "was", "is",    "were", "are",   "been",    "has",        "have",       "had",
    "be",  "being", "just", "first", "finally", "officially", "originally", "really"};
inline constexpr std::string_view kFigurativeBornAfter[] = {"out", "of", "from"};
inline constexpr std::string_view kArticles[] = {"the", "a", "an", "this", "that"};
// Words a date of birth may be followed by; another word after "the <date>"
// makes the date describe it ("born at the 2024-05-21 workshop").
inline constexpr std::string_view kAfterDateWords[] = {
    "and",  "or",    "in",  "at",      "on",        "to",  "from", "with", "by",    "for",
    "is",   "was",   "as",  "per",     "according", "but", "then", "so",   "which", "who",
    "when", "where", "not", "instead", "she",       "he",  "they", "it",   "the",
};
// Only stop a "number" word from promoting a bare digit run; they never
// remove a finding.
inline constexpr std::string_view kIdentifierWords[] = {
    "order",  "orders",   "invoice",     "ticket",  "case",        "tracking",    "track",     "shipment",
    "parcel", "package",  "awb",         "waybill", "consignment", "ref",         "reference", "confirmation",
    "conf",   "booking",  "reservation", "policy",  "claim",       "account",     "acct",      "sku",
    "serial", "item",     "part",        "model",   "po",          "transaction", "txn",       "incident",
    "inc",    "job",      "batch",       "lot",     "receipt",     "membership",  "loyalty",   "meter",
    "isbn",   "imei",     "vin",         "rma",     "pnr",         "rx",          "customer",  "member",
    "id",     "employee", "store",       "room",    "flight",      "quote",       "contract",  "agent",
};
// Who a dotted quad may belong to: never a product name, capitalised or not.
inline constexpr std::string_view kPersonWords[] = {
    "customer", "customers", "caller", "user", "users", "member", "he",  "she", "they", "we",
    "i",        "you",       "his",    "her",  "their", "mr",     "mrs", "ms",  "dr"};
inline constexpr std::string_view kNumberWords[] = {"number", "numbers", "num",    "no",
                                                    "nos",    "nr",      "nummer", "numero"};
inline constexpr std::string_view kAccountWords[] = {"account", "acct", "checking", "savings"};

}  // namespace insightd::governance::rules::words
