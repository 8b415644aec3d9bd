// SPDX-License-Identifier: Apache-2.0
#pragma once
// The schema table: for each section, its known keys and how each value is
// read into the Config. The walk reports unknown and duplicate keys (with the
// closest known key when it looks like a typo) and goes on after every error.
#include <fmt/format.h>

#include <functional>
#include <set>

#include "enum_names.hpp"
#include "values.hpp"

namespace insightd::config_detail {

template <class S>
struct Field {
  std::string_view key;
  std::function<void(const Entry&, Context&, S&)> read;
};

template <class S>
using Schema = std::vector<Field<S>>;

std::string unknown_key_message(std::string_view key, std::string_view section,
                                std::span<const std::string_view> known);

// Reads every key of the mapping `map` into `target`.
template <class S>
void read_mapping(const Entry& map, const Schema<S>& schema, Context& ctx, S& target) {
  if (map.node.IsNull()) return;  // an empty section keeps every default
  if (!map.node.IsMap()) {
    ctx.error(map, "expected a mapping of keys");
    return;
  }
  std::vector<std::string_view> known;
  for (const auto& field : schema) known.push_back(field.key);

  std::set<std::string, std::less<>> seen;
  for (const auto& item : map.node) {
    const YAML::Node& key = item.first;
    if (!key.IsScalar()) {
      ctx.error(Entry{key, map.path, key.Mark()}, "keys must be plain names");
      continue;
    }
    const std::string& name = key.Scalar();
    Entry at_key{key, join_path(map.path, name), key.Mark()};
    if (!seen.insert(name).second) {
      ctx.error(at_key, "duplicate key");
      continue;
    }
    auto field = std::find_if(schema.begin(), schema.end(), [&](const Field<S>& f) { return f.key == name; });
    if (field == schema.end()) {
      ctx.error(key.Mark(), unknown_key_message(name, map.path, known));
      continue;
    }
    ctx.record_key(at_key.path, key.Mark());
    field->read(Entry{item.second, at_key.path, value_mark(key, item.second)}, ctx, target);
  }
}

// --- field makers: one line per key in the section tables ---

template <class S>
Field<S> text_field(std::string_view key, std::string S::*member) {
  return {key, [member](const Entry& e, Context& ctx, S& s) {
            if (auto v = read_text(e, ctx)) s.*member = std::move(*v);
          }};
}

template <class S>
Field<S> int_field(std::string_view key, int S::*member, int min, int max = std::numeric_limits<int>::max()) {
  return {key, [member, min, max](const Entry& e, Context& ctx, S& s) {
            if (auto v = read_integer(e, ctx, min, max)) s.*member = static_cast<int>(*v);
          }};
}

template <class S>
Field<S> number_field(std::string_view key, double S::*member, double min, double max) {
  return {key, [member, min, max](const Entry& e, Context& ctx, S& s) {
            if (auto v = read_number(e, ctx, min, max)) s.*member = *v;
          }};
}

template <class S>
Field<S> duration_field(std::string_view key, Duration S::*member) {
  return {key, [member](const Entry& e, Context& ctx, S& s) {
            if (auto v = read_positive_duration(e, ctx)) s.*member = *v;
          }};
}

inline constexpr std::array<std::string_view, 2> kWebSchemes{"https", "http"};

template <class S>
Field<S> url_field(std::string_view key, std::string S::*member,
                   std::span<const std::string_view> schemes = kWebSchemes) {
  return {key, [member, schemes](const Entry& e, Context& ctx, S& s) {
            if (auto v = read_url(e, ctx, schemes)) s.*member = std::move(*v);
          }};
}

template <class S, class E, std::size_t N>
Field<S> choice_field(std::string_view key, E S::*member, const NameTable<E, N>& table) {
  return {key, [member, &table](const Entry& e, Context& ctx, S& s) {
            std::array<std::string_view, N> names;
            for (std::size_t i = 0; i < N; ++i) names[i] = table[i].name;
            if (auto index = read_choice(e, ctx, names)) s.*member = table[*index].value;
          }};
}

template <class S, class Sub>
Field<S> section_field(std::string_view key, Sub S::*member, const Schema<Sub>& schema) {
  return {key,
          [member, &schema](const Entry& e, Context& ctx, S& s) { read_mapping(e, schema, ctx, s.*member); }};
}

}  // namespace insightd::config_detail
