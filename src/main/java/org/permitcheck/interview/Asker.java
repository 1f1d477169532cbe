package org.permitcheck.interview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.permitcheck.rules.Fact;

/**
 * Asks one question until it gets a valid answer or a keyword: {@code ?} (or {@code help}) shows the
 * help, {@code why} the standing of the permits, and both ask again; an empty line or {@code skip}
 * leaves the fact unknown, except that an empty line keeps the answer of a question asked again to
 * change it; {@code back} and {@code quit} leave the question. An invalid answer is explained and
 * asked again.
 */
final class Asker {
  private final Prompter prompter;
  private final Views views;
  private final AnswerParser parser;

  Asker(Prompter prompter, Views views, AnswerParser parser) {
    this.prompter = prompter;
    this.views = views;
    this.parser = parser;
  }

  Prompter prompter() {
    return prompter;
  }

  /**
   * @param required an answer is needed (skip is refused)
   * @param why the standing of the permits, shown on {@code why}
   */
  Reply ask(Fact fact, boolean required, Supplier<String> why) {
    return ask(fact, required, false, why);
  }

  /** As above; if {@code keeps}, the fact has an answer being changed, which Enter keeps. */
  Reply ask(Fact fact, boolean required, boolean keeps, Supplier<String> why) {
    while (true) {
      Optional<String> line = prompter.read(views.prompt(fact), completions(fact));
      if (line.isEmpty()) {
        return Reply.of(Reply.Kind.ENDED);
      }
      String text = line.get().strip();
      if (text.isEmpty() && keeps) {
        return Reply.of(Reply.Kind.KEEP);
      }
      switch (text.toLowerCase(Locale.ROOT)) { // the keywords of Replies.KEYWORDS
        case "":
        case "skip":
          if (!required) {
            return Reply.answer(Optional.empty());
          }
          prompter.show(views.line(views.messages().get("interview.invalid.required")));
          continue;
        case "?":
        case "help":
          prompter.show(views.help(fact, keeps));
          continue;
        case "why":
          prompter.show(why.get());
          continue;
        case "back":
          return Reply.of(Reply.Kind.BACK);
        case "quit":
          return Reply.of(Reply.Kind.QUIT);
        default:
          break;
      }
      Parsed parsed = parser.parse(fact, text);
      if (parsed.ok()) {
        return Reply.answer(parsed.value());
      }
      prompter.show(views.line(parsed.problem() + skipHint(fact, required, text)));
    }
  }

  /**
   * For a word where a date, number or yes/no was expected (e.g. "unknown"), how to leave the fact
   * unknown; nothing for a typo with digits, a choice, or a question that cannot be skipped.
   */
  private String skipHint(Fact fact, boolean required, String text) {
    boolean choice = fact.type().isChoice();
    return required || choice || text.chars().anyMatch(Character::isDigit) ? ""
        : " " + views.messages().get("interview.invalid.skip");
  }

  private static List<String> completions(Fact fact) {
    List<String> out = new ArrayList<>();
    switch (fact.type().kind()) {
      case ENUM:
      case LEVEL:
        out.addAll(fact.type().values());
        break;
      case BOOLEAN:
        out.add("yes");
        out.add("no");
        break;
      default:
        break;
    }
    return out;
  }
}
