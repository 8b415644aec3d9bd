// SPDX-License-Identifier: Apache-2.0
#pragma once
// The console's page, script and style, embedded in the binary so the console
// needs no files on disk and loads nothing from elsewhere.
#include <string_view>

namespace insightd::observability::console_assets {

extern const std::string_view login_html;    // "{{message}}": a fixed notice, or ""
extern const std::string_view console_html;  // "{{csrf}}": the session's CSRF token
extern const std::string_view console_js;
extern const std::string_view console_css;

}  // namespace insightd::observability::console_assets
