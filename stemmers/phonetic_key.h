// A script-independent phonetic key, so that names match across Arabic and
// Latin script and across spellings (Nvidia / إنفيديا / نفيديا, Trump /
// ترامب / ترمب, Huang / هوانغ / هوانج).
//
// The key is the word's consonant skeleton over coarse sound classes (B F T D
// S K H L M N R), with vowels, glides (ا و ي), hamza and ain dropped and
// repeats collapsed. Latin digraphs (sh ch th ph kh gh) and soft c are read
// as sounds, h only at the start or between vowels (John: جون); ج، غ، ق، ك and g، j، k، q share one
// class because Arabic transcribes Latin g and j with any of them. The input is what
// phonetic_key_source() gives: proclitics are already gone. Skeletons of
// fewer than kMinPhoneticClasses classes are too ambiguous: the key is "".
#pragma once

#include <string>
#include <string_view>

namespace fahras {

inline constexpr size_t kMinPhoneticClasses = 3;
// Keys of two adjacent words joined must be longer to be specific enough.
inline constexpr size_t kMinPhoneticPairClasses = 5;

std::string phonetic_key(std::string_view normalized_word);

// What a word's key is computed from: the stem of an Arabic word, a Latin
// word as written (normalized). Keys of adjacent words join these.
std::string phonetic_key_source(std::string_view normalized_word);

// The key of one normalized word as the chain indexes it.
std::string phonetic_key_of_word(std::string_view normalized_word);

// The key of a name too short for phonetic_key (two sound classes: Baidu,
// Meta, Google, Apple): its classes with a V for each run of vowels written
// before or between them, a final one left out (بايدو and Baidu: BVD, أبل
// and Apple: VBL). Too many words share so short a skeleton for it to join
// spellings of one script: it joins a Latin name and its transcription,
// which may_transcribe then checks. "" when the word has a phonetic_key, or
// fewer than two classes (Huawei).
std::string short_name_key(std::string_view key_source);

// The classes of a word with a V for each run of vowels written before or
// between them, a final one left out, and repeats kept apart by a vowel
// (Google: KVKL); "" with fewer than two classes or no vowel, or for an
// Arabic word no Latin one could be transcribed as (may_transcribe_latin).
// It is the short_name_key of a short name, and the key of a pair too short
// for a pair key (kMinPhoneticPairClasses less one): ديب سيك and DeepSeek:
// DVBSVK, تيك توك and TikTok: TVKTVK.
std::string vowel_marked_key(std::string_view key_source);
inline bool is_short_name_key(std::string_view key) { return key.find('V') != key.npos; }

// The key of two adjacent words (their key sources joined) that the index
// holds a pair term for: the phonetic_key when it has kMinPhoneticPairClasses
// classes, the vowel_marked_key when it has one fewer, "" otherwise.
std::string phonetic_pair_key(std::string_view joined_key_sources);

// Whether an Arabic word uses only letters that transcriptions of Latin
// use: not ع ح ض ظ. Arabic words with them get no vowel_marked_key.
bool may_transcribe_latin(std::string_view arabic_word);

// Whether an Arabic word could transcribe a Latin word of the same key, or
// the key only happens to be shared (Nvidia and نفوذ, Mark and أمريكي,
// Amazon and مصنع). Both normalized, proclitics off. A transcription:
//   - uses no letter that transcriptions of Latin do not (ع ح ض ظ);
//   - writes a long vowel between two consonants only where the Latin word
//     has a vowel: و for o, u or w; ي for a, e, i or y; ا for a, i, u or
//     y (Byte: بايت)
//     (a name too short for a phonetic_key writes every such vowel, with
//     about a letter for each: دويين for Douyin, not دون);
//   - begins with a vowel only where the Latin word does, or before two
//     consonants (إنفيديا for Nvidia);
// and the Latin word is pronounceable (has a vowel: CCTV is read letter by
// letter, not as its skeleton). Words whose skeletons do not align are not
// judged: true.
bool may_transcribe(std::string_view latin_word, std::string_view arabic_word);
// may_transcribe for skeletons that align only: the Arabic word writes the
// Latin word's sound classes, in order, and its vowels as may_transcribe
// checks (a pair of words joined, two_word_spellings.h, whose stems may have
// lost letters).
bool is_transcription(std::string_view latin_word, std::string_view arabic_word);

}  // namespace fahras
