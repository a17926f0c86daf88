// Sentence and word segmentation with ICU, run over a UTF-16 copy of the text
// that remembers where each of its units came from, so every offset ICU
// reports maps back to a byte offset into the text.
#include "geokg/text/segmenter.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <atomic>
#include <bit>
#include <cstring>
#include <functional>
#include <optional>

#include "geokg/error.hpp"
#include "text/word_scan.hpp"

namespace geokg {
namespace {

using BreakIteratorPtr = std::unique_ptr<icu::BreakIterator>;

// Token strings that differ from the original text live in fixed-capacity
// chunks, so string_views into them never move.
class Arena {
 public:
  explicit Arena(std::vector<std::unique_ptr<std::string>>& chunks) : chunks_(chunks) {}
  std::string_view put(std::string_view s) {
    if (chunks_.empty() || chunks_.back()->capacity() - chunks_.back()->size() < s.size()) {
      std::unique_ptr<std::string> chunk;
      if (spare_ && !spare_->empty() && spare_->back()->capacity() >= s.size()) {
        chunk = std::move(spare_->back());
        spare_->pop_back();
        chunk->clear();
      } else {
        chunk = std::make_unique<std::string>();
        chunk->reserve(std::max<std::size_t>(s.size(), kChunk));
      }
      chunks_.push_back(std::move(chunk));
    }
    std::string& c = *chunks_.back();
    std::size_t at = c.size();
    c.append(s);
    return std::string_view(c.data() + at, s.size());
  }
  // Streaming: chunks of emitted sentences come back here for reuse.
  void recycle_into(std::vector<std::unique_ptr<std::string>>* spare) { spare_ = spare; }

 private:
  static constexpr std::size_t kChunk = 1 << 12;
  std::vector<std::unique_ptr<std::string>>& chunks_;
  std::vector<std::unique_ptr<std::string>>* spare_ = nullptr;
};

// Typographic quotes and dashes become their ASCII forms, so the lexicons and
// rules see one quote and one dash.
const char* ascii_for(UChar32 c) {
  switch (c) {
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
    case 0x2033: case 0x301D: case 0x301E: case 0xFF02:
      return "\"";
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2039: case 0x203A:
    case 0x2032: case 0x00B4: case 0x0060:
      return "'";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D: case 0x00AD:
      return "-";
    default:
      return nullptr;
  }
}

struct UTextCloser {
  void operator()(UText* t) const { utext_close(t); }
};

// Eight bytes at a time (SWAR): every token passes through here.
constexpr std::uint64_t kHigh = 0x8080808080808080ull;
// The high bit of each byte that is 'A'..'Z', for bytes below 0x80 (no byte
// then carries into the next).
inline std::uint64_t upper_bits(std::uint64_t w) {
  return (w + 0x3F3F3F3F3F3F3F3Full) & ~(w + 0x2525252525252525ull) & kHigh;
}
inline std::uint64_t load8(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}
// The last 1..7 bytes, some of them twice: enough for "is any byte ...".
inline std::uint64_t load_tail(const char* p, std::size_t n) {
  if (n >= 4) {
    std::uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    return (static_cast<std::uint64_t>(a) << 32) | b;
  }
  return static_cast<std::uint64_t>(static_cast<unsigned char>(p[0])) |
         static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8 |
         static_cast<std::uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16;
}

// One pass for both questions the word path asks; has_upper is meaningful
// only when the word is ASCII.
bool all_ascii(std::string_view s, bool& has_upper) {
  std::uint64_t high = 0, upper = 0;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    const std::uint64_t w = load8(s.data() + i);
    high |= w;
    upper |= upper_bits(w);
  }
  if (i < s.size()) {
    const std::uint64_t w = load_tail(s.data() + i, s.size() - i);
    high |= w;
    upper |= upper_bits(w);
  }
  has_upper = upper != 0;
  return (high & kHigh) == 0;
}

// ASCII lower case of an ASCII word.
void ascii_lower(std::string_view raw, std::string& out) {
  out.resize(raw.size());
  char* d = out.data();
  std::size_t i = 0;
  for (; i + 8 <= raw.size(); i += 8) {
    std::uint64_t w = load8(raw.data() + i);
    w |= upper_bits(w) >> 2;  // 0x80 >> 2 == 'a' - 'A'
    std::memcpy(d + i, &w, 8);
  }
  for (; i < raw.size(); ++i) {
    const char c = raw[i];
    d[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
}

// ICU walks UTF-16 natively, but UTF-8 only through a UText that converts a
// few characters behind every step: its break iterators ran about 1.2x as fast
// over a UTF-16 copy, copying included (scripts/bench/icu_floor).  The copy
// keeps each unit's byte offset, so ICU's boundaries map back to the text.
// The two see the same characters and so find the same boundaries; the
// UText stays for ill-formed UTF-8 (whose replacement is ICU's to decide)
// and for long texts: the copy costs six bytes per byte, kept per thread,
// and news articles are a few kilobytes.
class Utf16Copy {
 public:
  static constexpr std::size_t kMaxBytes = std::size_t{256} << 10;

  // The text as ICU will walk it; byte_offset(i) is then the byte offset of
  // ICU's offset i.
  UText* open(std::string_view text, UErrorCode& status) {
    copied_ = copy(text);
    if (copied_) return utext_openUChars(nullptr, units_.data(), length_, &status);
    return utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  }
  // Over the UText, ICU's offsets are bytes already.
  std::uint32_t byte_offset(int32_t unit) const {
    return copied_ ? byte_at_[static_cast<std::size_t>(unit)]
                   : static_cast<std::uint32_t>(unit);
  }

 private:
  bool copy(std::string_view text);

  std::vector<UChar> units_;
  std::vector<std::uint32_t> byte_at_;  // per unit, then the text's length
  int32_t length_ = 0;
  bool copied_ = false;
};

// Eight ASCII bytes as eight UTF-16 units, with their byte offsets: three
// vector stores.  (GCC vectorised the plain loop through the stack, which
// made the copy a twentieth of all extraction time.)
inline void widen8(const std::uint8_t* bytes, std::uint32_t offset, UChar* units,
                   std::uint32_t* byte_at) {
#if defined(__SSE2__)
  const __m128i b = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(bytes));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(units),
                   _mm_unpacklo_epi8(b, _mm_setzero_si128()));
  const __m128i base = _mm_set1_epi32(static_cast<int>(offset));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(byte_at),
                   _mm_add_epi32(base, _mm_setr_epi32(0, 1, 2, 3)));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(byte_at + 4),
                   _mm_add_epi32(base, _mm_setr_epi32(4, 5, 6, 7)));
#else
  for (std::uint32_t j = 0; j < 8; ++j) {
    units[j] = bytes[j];
    byte_at[j] = offset + j;
  }
#endif
}

// False for ill-formed or overlong text, which the UText reads instead.
bool Utf16Copy::copy(std::string_view text) {
  if (text.size() > kMaxBytes) return false;
  const auto n = static_cast<std::uint32_t>(text.size());
  // Never more units than bytes; grown only, so one allocation serves a run.
  if (units_.size() < n) units_.resize(n);
  if (byte_at_.size() < n + 1) byte_at_.resize(n + 1);
  const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
  // Locals, not the members: a store through byte_at may alias length_, so
  // the members would be reloaded for every unit.
  UChar* units = units_.data();
  std::uint32_t* byte_at = byte_at_.data();
  std::uint32_t k = 0;
  auto put = [&](UChar unit, std::uint32_t from) {
    units[k] = unit;
    byte_at[k++] = from;
  };
  for (std::uint32_t i = 0; i < n;) {
    // Most bytes are ASCII, taken eight at a time, and up to the next
    // non-ASCII byte when it comes within eight (the lowest set bit is the
    // first byte in memory on a little-endian machine).
    if (const std::uint64_t high = i + 8 <= n ? load8(text.data() + i) & kHigh : 1; high == 0) {
      widen8(p + i, i, units + k, byte_at + k);
      i += 8;
      k += 8;
      continue;
    } else if (std::endian::native == std::endian::little && high != 1) {
      for (const std::uint32_t end = i + std::countr_zero(high) / 8; i < end; ++i) put(p[i], i);
    }
    if (p[i] < 0x80) {
      put(p[i], i);
      ++i;
      continue;
    }
    const std::uint32_t from = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
    if (U_IS_BMP(c)) {
      put(static_cast<UChar>(c), from);
    } else {  // ICU never breaks between the two halves
      put(U16_LEAD(c), from);
      put(U16_TRAIL(c), from);
    }
  }
  byte_at[k] = n;
  length_ = static_cast<int32_t>(k);
  return true;
}

// A Latin-1 letter (U+00C0-U+00FF but for × and ÷) at p[i], which is 0xC3.
bool latin1_letter_at(const std::uint8_t* p, std::size_t i, std::size_t n) {
  return i + 1 < n && p[i + 1] >= 0x80 && p[i + 1] <= 0xBF && p[i + 1] != 0x97 &&
         p[i + 1] != 0xB7;
}

// Plain words: letters (ASCII and Latin-1), an apostrophe only between two
// letters, spaces only between words -- most of the tens of thousands of
// actor forms loaded at start ("Barack Obama", "Obama's", "Außenminister").
// ICU finds one sentence in such a text (it holds no sentence break), so the
// sentence iterator, and its set-up per text, can be skipped.
bool plain_words(std::string_view text) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
  const std::size_t n = text.size();
  auto letter = [&](std::size_t i) {
    const std::uint8_t c = p[i] | 0x20;
    return (c >= 'a' && c <= 'z') || (p[i] == 0xC3 && latin1_letter_at(p, i, n));
  };
  auto letter_before = [&](std::size_t i) {  // the letter that ends at i
    return i > 0 &&
           (letter(i - 1) || (i > 1 && p[i - 2] == 0xC3 && latin1_letter_at(p, i - 2, n)));
  };
  if (n == 0 || !letter(0) || !letter_before(n)) return false;
  for (std::size_t i = 0; i < n; ++i) {
    if (p[i] == ' ') continue;
    if (p[i] == '\'') {
      if (!letter_before(i) || !letter(i + 1)) return false;
      continue;
    }
    if (p[i] == 0xC3 && latin1_letter_at(p, i, n)) {
      ++i;
      continue;
    }
    if (!letter(i)) return false;
  }
  return true;
}

// A text's word pieces with their rule status and byte offsets: ICU's word
// iterator over the text's UTF-16 copy (or UText), or, for the characters
// it knows, the scan that gives the same without ICU (text/word_scan.hpp).
class WordPieces {
 public:
  WordPieces(icu::BreakIterator& icu, const Utf16Copy& utf16) : icu_(&icu), utf16_(&utf16) {}
  explicit WordPieces(std::string_view text) : scan_(text) {}
  std::uint32_t first() { return icu_ ? utf16_->byte_offset(icu_->first()) : 0; }
  // The next piece's end, false when there is none.
  bool next(std::uint32_t& end) {
    if (!icu_) return scan_.next(end);
    const int32_t e = icu_->next();
    if (e == icu::BreakIterator::DONE) return false;
    end = utf16_->byte_offset(e);
    return true;
  }
  int32_t rule() const { return icu_ ? icu_->getRuleStatus() : scan_.rule(); }

 private:
  icu::BreakIterator* icu_ = nullptr;
  const Utf16Copy* utf16_ = nullptr;
  words::WordScan scan_{{}};
};

// Abbreviations that end in a period without ending the sentence.
bool abbreviation(std::string_view fold, bool german) {
  static constexpr std::string_view kGerman[] = {
      "a", "abs", "abt", "art", "bd", "bsp", "bzw", "ca", "chr", "d", "dipl", "dr", "evtl",
      "gegr", "ggf", "h", "hl", "hr", "inkl", "ing", "jh", "jhd", "kap", "mag", "max", "mio",
      "mind", "mrd", "nr", "o", "prof", "rd", "s", "sog", "st", "str", "tsd", "u", "usw", "v",
      "vgl", "z", "zb", "zit", "zz", "zzt", "jan", "feb", "aug", "sept", "okt", "nov", "dez"};
  static constexpr std::string_view kEnglish[] = {
      "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "maj", "capt",
      "sgt", "adm", "cmdr", "st", "jr", "sr", "inc", "corp", "co", "ltd", "no", "nos", "vs",
      "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "approx", "est",
      "dept", "univ", "pres", "rev", "hon", "ft", "mt", "e.g", "i.e"};
  if (fold.size() > 6) return false;  // longer than any of them
  if (german) {
    for (std::string_view a : kGerman)
      if (a == fold) return true;
  } else {
    for (std::string_view a : kEnglish)
      if (a == fold) return true;
  }
  return false;
}

// ICU ends a sentence after "am 3. Oktober" (German ordinals), after the
// initial in "John F. Kennedy", and after abbreviations ("z. B.", "U.S.").
bool continues(const Sentence& prev, const Sentence& next, bool german) {
  const auto& t = prev.tokens;
  if (t.size() < 2 || t.back().form != "." || next.tokens.empty()) return false;
  const Token& before = t[t.size() - 2];
  const Token& first = next.tokens.front();
  if (before.kind == TokenKind::number)
    return german && before.form.size() <= 3 && first.kind == TokenKind::word;
  if (before.kind != TokenKind::word) return false;
  if (before.form.size() == 1 && before.upper) return first.kind == TokenKind::word && first.upper;
  if (abbreviation(before.fold, german)) return true;
  // An initialism written with periods ("U.S.", "U.N.").
  return before.form.find('.') != std::string_view::npos && before.form.size() <= 6;
}

// Case-folds a word made of ASCII and Latin-1 letters (U+00C0-U+00FF) the
// way ICU's foldCase does (ß -> ss), without leaving UTF-8; most German and
// English words are such words.  False for anything else.
bool latin1_fold(std::string_view raw, std::string& out, bool& upper) {
  out.clear();
  upper = false;
  bool first = true;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    auto c = static_cast<unsigned char>(raw[i]);
    bool up = false;
    if (c < 0x80) {
      up = c >= 'A' && c <= 'Z';
      out.push_back(static_cast<char>(up ? c - 'A' + 'a' : c));
    } else if (c == 0xC3 && i + 1 < raw.size()) {
      auto d = static_cast<unsigned char>(raw[++i]);
      if (d < 0x80 || d > 0xBF) return false;
      unsigned cp = 0xC0 + (d - 0x80);
      if (cp == 0xDF) {
        out += "ss";
      } else if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) {
        up = true;
        out.push_back(static_cast<char>(0xC3));
        out.push_back(static_cast<char>(d + 0x20));
      } else {
        out.push_back(static_cast<char>(0xC3));
        out.push_back(static_cast<char>(d));
      }
    } else {
      return false;
    }
    if (first) upper = up;  // the first letter decides
    first = false;
  }
  return true;
}

}  // namespace

std::string_view to_string(Lang lang) {
  switch (lang) {
    case Lang::de: return "de";
    case Lang::en: return "en";
    case Lang::other: return "other";
  }
  return "other";
}

Lang parse_lang(std::string_view code) {
  auto starts = [&](std::string_view p) {
    return code.size() >= p.size() && (code.size() == p.size() || code[p.size()] == '-' ||
                                       code[p.size()] == '_') &&
           std::equal(p.begin(), p.end(), code.begin(),
                      [](char a, char b) { return a == std::tolower((unsigned char)b); });
  };
  if (starts("de") || starts("deu") || starts("ger") || starts("german")) return Lang::de;
  if (starts("en") || starts("eng") || starts("english")) return Lang::en;
  return Lang::other;
}

struct Segmenter::Impl {
  Lang lang;
  std::uint64_t serial;
  BreakIteratorPtr sentence_proto;
  BreakIteratorPtr word_proto;
};

Segmenter::Segmenter(Lang lang) : impl_(std::make_unique<Impl>()) {
  impl_->lang = lang;
  static std::atomic<std::uint64_t> next_serial{1};
  impl_->serial = next_serial++;
  UErrorCode status = U_ZERO_ERROR;
  // ICU's own abbreviation suppressions ("ss=standard") are erratic for German
  // (they split "z. B." and then miss the next real boundary), so the plain
  // rules run and continues() re-joins abbreviations, ordinals and initials.
  icu::Locale loc(lang == Lang::de ? "de" : "en");
  impl_->sentence_proto.reset(icu::BreakIterator::createSentenceInstance(loc, status));
  if (U_FAILURE(status)) throw Error(std::string("ICU sentence iterator: ") + u_errorName(status));
  status = U_ZERO_ERROR;
  impl_->word_proto.reset(icu::BreakIterator::createWordInstance(loc, status));
  if (U_FAILURE(status)) throw Error(std::string("ICU word iterator: ") + u_errorName(status));
}

Segmenter::~Segmenter() = default;
Segmenter::Segmenter(Segmenter&&) noexcept = default;
Segmenter& Segmenter::operator=(Segmenter&&) noexcept = default;

// The one segmentation pass.  `keep` set: every token string goes there and
// lives as long as the caller keeps it (segment()).  `keep` null: streaming --
// one sentence (plus the one that may still be joined to it) is held at a
// time, and the strings of an emitted sentence are reused (for_each_sentence()).
//
// The buffers (token vectors, string chunks, boundaries) belong to the thread
// and outlive the call, so a run of many documents allocates them once rather
// than a few times per sentence.  A call from inside `emit` (re-entrant) gets
// buffers of its own.
namespace {
struct RunBuffers {
  std::vector<std::unique_ptr<std::string>> cur_chunks, pending_chunks, spare;
  Sentence cur{}, pending{};
  std::vector<std::uint32_t> bounds;
  std::string scratch;
  Utf16Copy utf16;
  bool busy = false;
};
}  // namespace

void Segmenter::run(std::string_view text, const std::function<void(Sentence&)>& emit,
                    std::vector<std::unique_ptr<std::string>>* keep) const {
  if (text.empty()) return;
  if (text.size() > UINT32_MAX) throw Error("text too long to segment (over 4 GiB)");
  thread_local RunBuffers shared;
  std::unique_ptr<RunBuffers> own;
  if (shared.busy) own = std::make_unique<RunBuffers>();
  RunBuffers& buf = own ? *own : shared;
  struct Release {
    RunBuffers& b;
    ~Release() { b.busy = false; }
  } busy_until_return{buf};
  buf.busy = true;
  auto release = [&](std::vector<std::unique_ptr<std::string>>& chunks) {
    for (auto& c : chunks) buf.spare.push_back(std::move(c));
    chunks.clear();
  };
  // Left over only when an earlier call was cut short by an exception.
  release(buf.cur_chunks);
  release(buf.pending_chunks);
  auto& cur_chunks = buf.cur_chunks;
  auto& pending_chunks = buf.pending_chunks;
  Arena arena(keep ? *keep : cur_chunks);
  if (!keep) arena.recycle_into(&buf.spare);
  Sentence& pending = buf.pending;
  Sentence& cur = buf.cur;
  pending.tokens.clear();
  cur.tokens.clear();
  pending.cut = cur.cut = false;
  bool has_pending = false;
  auto emit_pending = [&]() {
    if (!has_pending) return;
    emit(pending);
    has_pending = false;
    pending.cut = false;
    pending.begin = pending.end = 0;
    pending.tokens.clear();  // keeps its capacity (segment() moved it out: none)
    if (!keep) release(pending_chunks);
  };
  // cur's strings become pending's (cur_chunks -> pending_chunks).
  auto adopt = [&]() {
    if (keep) return;
    for (auto& c : cur_chunks) pending_chunks.push_back(std::move(c));
    cur_chunks.clear();
  };

  // Break iterators are not thread-safe; each thread clones its own once per
  // segmenter (keyed by a serial number, never by an address that may be reused).
  thread_local std::vector<std::pair<std::uint64_t, BreakIteratorPtr>> cache;
  auto iter_for = [](std::uint64_t key, const BreakIteratorPtr& proto) -> icu::BreakIterator& {
    for (auto& [k, it] : cache)
      if (k == key) return *it;
    cache.emplace_back(key, BreakIteratorPtr(proto->clone()));
    return *cache.back().second;
  };
  icu::BreakIterator& sbi = iter_for(impl_->serial * 2, impl_->sentence_proto);
  icu::BreakIterator& wbi = iter_for(impl_->serial * 2 + 1, impl_->word_proto);

  // Sentence boundaries first, then words, assigned to the sentence they
  // fall in.  Plain words are one sentence.
  std::vector<std::uint32_t>& bounds = buf.bounds;
  bounds.clear();
  std::unique_ptr<UText, UTextCloser> ut;
  std::optional<WordPieces> pieces;
  if (plain_words(text)) {
    bounds.push_back(0);
    pieces.emplace(text);
  } else {
    UErrorCode status = U_ZERO_ERROR;
    ut.reset(buf.utf16.open(text, status));
    if (U_FAILURE(status))
      throw Error(std::string("ICU cannot read the text: ") + u_errorName(status));
    sbi.setText(ut.get(), status);
    for (int32_t b = sbi.first(); b != icu::BreakIterator::DONE; b = sbi.next())
      bounds.push_back(buf.utf16.byte_offset(b));
    if (U_FAILURE(status))
      throw Error(std::string("ICU sentence iterator: ") + u_errorName(status));
    if (words::WordScan::covers(text)) {
      pieces.emplace(text);
    } else {
      wbi.setText(ut.get(), status);
      if (U_FAILURE(status))
        throw Error(std::string("ICU word iterator: ") + u_errorName(status));
      pieces.emplace(wbi, buf.utf16);
    }
  }
  if (bounds.empty() || bounds.back() != text.size())
    bounds.push_back(static_cast<std::uint32_t>(text.size()));

  std::size_t si = 0;
  cur.begin = bounds[0];
  cur.end = bounds.size() > 1 ? bounds[1] : bounds[0];
  const bool german = impl_->lang == Lang::de;
  auto flush = [&]() {
    if (!cur.tokens.empty()) {
      if (has_pending && continues(pending, cur, german) &&
          pending.tokens.size() + cur.tokens.size() <= kMaxSentenceTokens) {
        pending.end = cur.end;
        pending.tokens.insert(pending.tokens.end(), cur.tokens.begin(), cur.tokens.end());
        adopt();
      } else {
        emit_pending();
        std::swap(pending, cur);
        has_pending = true;
        adopt();
      }
    }
    cur.begin = cur.end = 0;
    cur.tokens.clear();
  };

  std::string& scratch = buf.scratch;
  std::uint32_t next_bound = si + 1 < bounds.size() ? bounds[si + 1] : UINT32_MAX;
  std::uint32_t e = pieces->first();
  for (std::uint32_t b = e; pieces->next(e); b = e) {
    const int32_t rule = pieces->rule();
    if (b >= next_bound) {  // one comparison for the tokens inside a sentence
      while (si + 1 < bounds.size() && b >= bounds[si + 1]) {
        flush();
        ++si;
        cur.begin = bounds[si];
        cur.end = si + 1 < bounds.size() ? bounds[si + 1] : bounds[si];
      }
      next_bound = si + 1 < bounds.size() ? bounds[si + 1] : UINT32_MAX;
    }
    std::string_view raw = text.substr(b, e - b);
    TokenKind kind;
    if (rule >= UBRK_WORD_NUMBER && rule < UBRK_WORD_NUMBER_LIMIT) {
      kind = TokenKind::number;
    } else if (rule >= UBRK_WORD_LETTER) {
      kind = TokenKind::word;
    } else {
      // Spaces are dropped; every other non-word piece is punctuation.
      auto c0 = static_cast<unsigned char>(raw[0]);
      if (c0 < 0x80) {
        // ASCII: exactly the characters the ICU tests below reject (controls,
        // space, DEL), without four property look-ups per space.
        if (c0 <= 0x20 || c0 == 0x7F) continue;
      } else {
        UChar32 c;
        int32_t i = 0;
        U8_NEXT(raw.data(), i, static_cast<int32_t>(raw.size()), c);
        if (c < 0 || u_isUWhiteSpace(c) || u_isspace(c) || u_iscntrl(c) ||
            u_charType(c) == U_FORMAT_CHAR)
          continue;
      }
      kind = TokenKind::punct;
    }
    if (cur.tokens.size() == kMaxSentenceTokens) {
      // Cut here: the piece ends where this token begins and is kept as it
      // is, never re-joined by continues().  Before this token's strings go
      // to the arena: the cut hands the arena's chunks on with the piece.
      cur.end = b;
      emit_pending();
      cur.cut = true;
      std::swap(pending, cur);
      has_pending = true;
      adopt();
      emit_pending();
      cur.tokens.clear();
      cur.begin = b;
      cur.end = si + 1 < bounds.size() ? bounds[si + 1] : bounds[si];
    }
    // Built in place: a Token assembled on the stack and copied stalled on
    // store forwarding, a few percent of all extraction time.
    Token& t = cur.tokens.emplace_back();
    t.begin = b;
    t.end = e;
    t.kind = kind;
    if (kind == TokenKind::punct) {
      UChar32 c;
      int32_t i = 0;
      U8_NEXT(raw.data(), i, static_cast<int32_t>(raw.size()), c);
      const char* a = ascii_for(c);
      t.form = a ? std::string_view(a) : raw;
      t.fold = t.form;
      t.upper = false;
    } else if (bool has_upper = false; all_ascii(raw, has_upper)) {
      t.form = raw;
      t.upper = raw[0] >= 'A' && raw[0] <= 'Z';
      if (!has_upper) {
        t.fold = raw;
      } else {
        ascii_lower(raw, scratch);
        t.fold = arena.put(scratch);
      }
    } else if (latin1_fold(raw, scratch, t.upper)) {
      // Latin-1 letters (ä, ö, ü, ß, é ...) are precomposed, hence NFC already.
      t.form = raw;
      t.fold = scratch == raw ? raw : arena.put(scratch);
    } else {
      // Other non-ASCII: normalise (NFC, typographic apostrophes) then fold.
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(
          icu::StringPiece(raw.data(), static_cast<int32_t>(raw.size())));
      UErrorCode st = U_ZERO_ERROR;
      const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(st);
      if (U_SUCCESS(st) && !nfc->isNormalized(u, st)) u = nfc->normalize(u, st);
      u.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x2019)), icu::UnicodeString("'"));
      scratch.clear();
      u.toUTF8String(scratch);
      t.form = scratch == raw ? raw : arena.put(scratch);
      t.upper = u_isupper(u.char32At(0)) || u_istitle(u.char32At(0));
      u.foldCase();
      scratch.clear();
      u.toUTF8String(scratch);
      t.fold = scratch == t.form ? t.form : arena.put(scratch);
    }
  }
  flush();
  emit_pending();
}

SegmentedText Segmenter::segment(std::string_view text) const {
  SegmentedText out;
  run(text, [&](Sentence& s) { out.sentences.push_back(std::move(s)); }, &out.arena);
  return out;
}

void Segmenter::for_each_sentence(std::string_view text,
                                  const std::function<void(const Sentence&)>& fn) const {
  run(text, [&](Sentence& s) { fn(s); }, nullptr);
}



}  // namespace geokg
