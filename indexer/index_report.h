// Renders an IndexReport for people (text) and for machines (JSON).
#pragma once

#include <ostream>

#include "index_run.h"

namespace fahras {

// One summary line, then with `list_files` one "A|U|D FILE" line per change.
void print_report_text(const IndexReport& report, bool list_files, std::ostream& out);

// One "PROGRAM: warning: ..." or "PROGRAM: skipped FILE: reason" line each.
void print_report_problems(const IndexReport& report, const char* program, std::ostream& out);

void print_report_json(const IndexReport& report, bool dry_run, std::ostream& out);

}  // namespace fahras
