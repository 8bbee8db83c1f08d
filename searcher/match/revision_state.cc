// The process's shared per-revision states (see revision_state.h).
#include "revision_state.h"

#include <filesystem>
#include <map>
#include <tuple>

namespace fahras {

// Above this many, the noted terms are forgotten (each costs one string).
inline constexpr size_t kMaxHeavyTerms = 1 << 16;

bool HeavyTerms::seen_all_then_note(const std::vector<const std::string*>& terms) {
  std::lock_guard lock(mutex_);
  bool all = true;
  for (const std::string* t : terms) all = all && seen_.count(*t) > 0;
  if (all) return true;
  if (seen_.size() + terms.size() > kMaxHeavyTerms) seen_.clear();
  for (const std::string* t : terms) seen_.insert(*t);
  return false;
}

void inherit_revision_state(RevisionState& state, const RevisionState& older,
                            const Xapian::Database& db,
                            const std::unordered_set<std::string>* changed) {
  state.locations.inherit(older.locations, db);
  if (!changed) return;
  state.postings.inherit(older.postings, *changed);
  state.answers.inherit(older.answers, *changed);
}

namespace {

using Key = std::tuple<std::string, std::string, Xapian::rev>;  // path, uuid, revision

std::mutex registry_mutex;
std::map<Key, std::weak_ptr<RevisionState>>& registry() {
  static auto* states = new std::map<Key, std::weak_ptr<RevisionState>>;  // outlives searchers
  return *states;
}

std::string canonical(const std::string& path) {
  std::error_code error;
  std::filesystem::path resolved = std::filesystem::weakly_canonical(path, error);
  return error ? path : resolved.string();
}

}  // namespace

std::shared_ptr<RevisionState> shared_revision_state(
    const std::string& path, const Xapian::Database& db,
    const std::shared_ptr<RevisionState>& older, const std::unordered_set<std::string>* changed) {
  Key key{canonical(path), db.get_uuid(), db.get_revision()};
  std::lock_guard lock(registry_mutex);
  auto& states = registry();
  for (auto s = states.begin(); s != states.end();)  // those no searcher holds
    s = s->second.expired() ? states.erase(s) : std::next(s);
  if (auto found = states.find(key); found != states.end())
    if (auto state = found->second.lock()) return state;
  auto state = new_revision_state(db, older, changed);
  states[key] = state;
  return state;
}

std::shared_ptr<RevisionState> new_revision_state(const Xapian::Database& db,
                                                  const std::shared_ptr<RevisionState>& older,
                                                  const std::unordered_set<std::string>* changed) {
  auto state = std::make_shared<RevisionState>(postings_cache_budget(db.get_doccount()));
  if (older) inherit_revision_state(*state, *older, db, changed);
  return state;
}

}  // namespace fahras
