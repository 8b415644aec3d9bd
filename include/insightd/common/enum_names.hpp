// SPDX-License-Identifier: Apache-2.0
#pragma once
// An enum's names on the wire (config, database, JSON, metric labels) from its
// Boost.Describe description, instead of a hand-written switch and parse pair
// per enum. Describe it next to its declaration:
//
//   enum class State { pending, done };
//   BOOST_DESCRIBE_ENUM(State, pending, done)
//
// A name is the enumerator's identifier. Where the wire spelling cannot be an
// identifier ("copilot-summaries", "auto"), the enum declares the exceptions
// next to it with an `enum_renames` function found by argument-dependent
// lookup, so each exception is written once and says why:
//
//   constexpr std::array<EnumName<SourceKind>, 1> enum_renames(SourceKind) {
//     return {{{SourceKind::copilot_summaries, "copilot-summaries"}}};
//   }
#include <array>
#include <boost/describe/enum.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>
#include <cstddef>
#include <optional>
#include <string_view>

namespace insightd {

template <class E>
struct EnumName {
  E value;
  std::string_view name;
};

template <class E>
concept described_enum = boost::describe::has_describe_enumerators<E>::value;

// Every enumerator with its wire name, in declaration order.
template <described_enum E>
constexpr auto make_enum_names() {
  using Enumerators = boost::describe::describe_enumerators<E>;
  std::array<EnumName<E>, boost::mp11::mp_size<Enumerators>::value> names{};
  std::size_t i = 0;
  boost::mp11::mp_for_each<Enumerators>([&](auto d) { names[i++] = {d.value, d.name}; });
  if constexpr (requires { enum_renames(E{}); }) {
    for (auto& entry : names)
      for (const auto& rename : enum_renames(E{}))
        if (entry.value == rename.value) entry.name = rename.name;
  }
  return names;
}

template <described_enum E>
inline constexpr auto kEnumNames = make_enum_names<E>();

// Every enumerator with its wire name (a std::array of EnumName<E>).
template <described_enum E>
constexpr const auto& enum_names() noexcept {
  return kEnumNames<E>;
}

// The wire name, or `unknown` for a value no enumerator has (a cast integer).
template <described_enum E>
constexpr std::string_view enum_to_string(E value, std::string_view unknown = "unknown") noexcept {
  for (const auto& entry : kEnumNames<E>)
    if (entry.value == value) return entry.name;
  return unknown;
}

// The enumerator whose wire name is exactly `name` (case-sensitive).
template <described_enum E>
constexpr std::optional<E> enum_from_string(std::string_view name) noexcept {
  for (const auto& entry : kEnumNames<E>)
    if (entry.name == name) return entry.value;
  return std::nullopt;
}

}  // namespace insightd
