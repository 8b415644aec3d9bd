#include "insightd/common/backoff.hpp"

#include <algorithm>
#include <boost/date_time/posix_time/posix_time.hpp>
#include <charconv>
#include <locale>
#include <sstream>

namespace insightd {

std::chrono::milliseconds BackoffPolicy::ceiling(int attempt) const noexcept {
  if (attempt < 1) attempt = 1;
  auto value = initial.count();
  for (int i = 1; i < attempt && value < max.count(); ++i) value *= 2;
  return std::chrono::milliseconds(std::min(value, max.count()));
}

std::optional<std::chrono::seconds> parse_retry_after(std::string_view value,
                                                      std::chrono::system_clock::time_point now) {
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  if (value.empty()) return std::nullopt;

  std::int64_t seconds = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (ec == std::errc{} && end == value.data() + value.size()) {
    if (seconds < 0) return std::nullopt;
    return std::chrono::seconds(seconds);
  }

  // IMF-fixdate, e.g. "Wed, 21 Oct 2015 07:28:00 GMT".
  std::istringstream in{std::string(value)};
  in.imbue(std::locale(std::locale::classic(),
                       new boost::posix_time::time_input_facet("%a, %d %b %Y %H:%M:%S GMT")));
  boost::posix_time::ptime when;
  in >> when;
  if (in.fail() || when.is_not_a_date_time()) return std::nullopt;
  auto epoch = boost::posix_time::ptime(boost::gregorian::date(1970, 1, 1));
  auto target = std::chrono::system_clock::time_point(std::chrono::seconds((when - epoch).total_seconds()));
  auto delta = std::chrono::duration_cast<std::chrono::seconds>(target - now);
  return std::max(delta, std::chrono::seconds(0));
}

}  // namespace insightd
