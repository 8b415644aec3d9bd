// SPDX-License-Identifier: Apache-2.0
#pragma once
// The insight texts the PII scanner is measured on (bench_pii.cpp and
// pii_rounds.cpp).
#include <string>
#include <vector>

namespace insightd::bench {

// Shapes of what the sources send: keywords, summaries, sentiment reasons,
// topics. Most carry no PII; many carry dates, times, amounts and order
// numbers (the scanner's hard negatives); about one in eight carries PII.
inline const std::vector<std::string>& insight_texts() {
  static const std::vector<std::string> texts{
      "cancellation",
      "refund request",
      "Customer called about a delayed delivery and asked for a refund of the shipping fee.",
      "Agent offered a 10% discount on the next renewal; customer accepted and thanked the agent.",
      "Sentiment turned positive after the agent explained the new pricing plan and the migration steps.",
      "Customer mentioned competitor pricing of $29.99 per month and asked whether we can match it.",
      "Topic: billing dispute. Resolution: credit issued. Follow-up: confirm the credit on the next invoice "
      "in 3 days.",
      "The customer reported that the mobile app crashes on login since the update on 2026-11-20 at 08:15.",
      "Summary: customer upgraded to premium effective 2026-12-01; order 77-1234 was adjusted accordingly.",
      "Customer is unhappy with the 45 minute wait time and the transfer between three departments.",
      "Customer asked about the 2-year warranty for model X-200 and whether accidental damage is covered.",
      "Customer's contract renews on 31.12.2026 for 12 months at 1,200.00 EUR; they want to cancel before "
      "then.",
      "Customer described a charge of 1.234,56 EUR on 15/11/2026 that they do not recognise.",
      "Shipment ETA 2026-11-27, tracking number 1Z999AA10123456784, customer wants delivery to a neighbour.",
      "The caller wants invoices for Q3 2026 and Q4 2026 sent to the finance team by the end of the week.",
      "Negative: long hold time. Negative: agent could not find the account. Positive: issue resolved in the "
      "end.",
      "Customer asked to be called back on +44 20 7946 0958 after 5pm to finish the setup.",
      "Customer updated her e-mail address to maria.garcia@example.com and asked for a confirmation.",
      "Customer read out the card number 4111 1111 1111 1111 before the agent could stop them.",
      "Refund to IBAN DE89 3704 0044 0532 0130 00 was requested for the returned items.",
      "keyword: outage",
      "Customer could not log in after the password reset and the second-factor code never arrived.",
      "Customer praised the technician who came on Tuesday and fixed the router in under an hour.",
      "Customer wants to move the appointment from 10:00-12:00 to 14:00-16:00 on 24.11.2026.",
  };
  return texts;
}

// The same texts joined into one long transcript-sized text (~64 KiB).
inline std::string long_insight_text() {
  std::string text;
  while (text.size() < 64 * 1024) {
    for (const auto& t : insight_texts()) (text += t) += ' ';
  }
  return text;
}

}  // namespace insightd::bench
