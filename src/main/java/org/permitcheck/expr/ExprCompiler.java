package org.permitcheck.expr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.permitcheck.diag.Suggest;

/**
 * Parses and type-checks an expression against the declared facts, and compiles it into a tree of
 * {@link Expr} nodes. Every problem is reported with its character range; an expression that fails
 * to check yields no compiled form.
 */
public final class ExprCompiler {
  /** The compiled expression, or the errors that prevented it. */
  public record Result(Optional<CompiledExpr> expr, List<ExprError> errors) {
    public Result {
      errors = List.copyOf(errors);
    }
  }

  /** A compiled node with its static type. */
  record Typed(Expr expr, Type type) {}

  static final Typed ERROR = new Typed(new Nodes.Const(null), Type.ERROR);

  final Symbols symbols;
  final List<ExprError> errors = new ArrayList<>();
  final Set<String> reads = new LinkedHashSet<>();
  final Deque<Type> items = new ArrayDeque<>();

  private ExprCompiler(Symbols symbols) {
    this.symbols = symbols;
  }

  /**
   * Compiles {@code source}. With {@code expected} = {@link Type#BOOLEAN} the expression must be a
   * condition; with null any type is accepted (derived facts).
   */
  /**
   * Why a fact, derived fact or record field may not have this name, or null when it may: the
   * language's own words and the dates it evaluates at, which a fact of that name would stand in
   * for or could never be read as.
   */
  public static String reservedName(String name) {
    if (name.equals("as_of") || name.equals("application_date")) {
      return "'" + name + "' is the date the rules are evaluated at, which a fact of that name would replace";
    }
    if (Parser.KEYWORDS.contains(name)) {
      return "'" + name + "' is a word of the criteria language, so a fact of that name could never be read";
    }
    return null;
  }

  public static Result compile(String source, Symbols symbols, Type expected) {
    Ast ast;
    try {
      ast = Parser.parse(source);
    } catch (ParseFailure e) {
      return new Result(Optional.empty(), List.of(e.error));
    }
    ExprCompiler c = new ExprCompiler(symbols);
    Typed t = c.check(ast);
    if (c.errors.isEmpty() && expected != null && !t.type().equals(expected) && !t.type().isError()) {
      c.errors.add(new ExprError(ast.start(), ast.end(),
          "a criterion must be a condition (true or false), but this is " + t.type().describe(),
          "compare it with something, e.g. \"" + source.strip() + " >= 1\""));
    }
    if (!c.errors.isEmpty() || t.type().isError()) {
      return new Result(Optional.empty(), c.errors);
    }
    return new Result(
        Optional.of(new CompiledExpr(source, t.expr(), t.type(), new ArrayList<>(c.reads))), List.of());
  }

  /** The names an expression mentions (for ordering derived facts); empty if it does not parse. */
  public static Set<String> names(String source) {
    Set<String> out = new LinkedHashSet<>();
    try {
      collectNames(Parser.parse(source), out);
    } catch (ParseFailure e) {
      // reported when the expression is compiled
    }
    return out;
  }

  private static void collectNames(Ast ast, Set<String> out) {
    if (ast instanceof Ast.Name) {
      out.add(((Ast.Name) ast).name());
    } else if (ast instanceof Ast.Unary) {
      collectNames(((Ast.Unary) ast).operand(), out);
    } else if (ast instanceof Ast.Binary) {
      collectNames(((Ast.Binary) ast).left(), out);
      collectNames(((Ast.Binary) ast).right(), out);
    } else if (ast instanceof Ast.Call) {
      ((Ast.Call) ast).args().forEach(a -> collectNames(a, out));
    } else if (ast instanceof Ast.ListLiteral) {
      ((Ast.ListLiteral) ast).items().forEach(a -> collectNames(a, out));
    }
  }

  void error(Ast at, String message, String hint) {
    errors.add(new ExprError(at.start(), at.end(), message, hint));
  }

  Typed check(Ast ast) {
    if (ast instanceof Ast.Literal) {
      Ast.Literal lit = (Ast.Literal) ast;
      return new Typed(new Nodes.Const(lit.value()), lit.type());
    }
    if (ast instanceof Ast.Name) {
      return name((Ast.Name) ast);
    }
    if (ast instanceof Ast.Unary) {
      return unary((Ast.Unary) ast);
    }
    if (ast instanceof Ast.Binary) {
      return Operators.binary(this, (Ast.Binary) ast);
    }
    if (ast instanceof Ast.Call) {
      return Functions.call(this, (Ast.Call) ast);
    }
    error(ast, "a list can only follow 'in'", "e.g. \"status in ['duldung', 'gestattung']\"");
    return ERROR;
  }

  private Typed name(Ast.Name n) {
    String name = n.name();
    int up = 0;
    for (Type item : items) {
      Type field = item.fields().get(name);
      if (field != null) {
        return new Typed(new Nodes.Field(up, name.intern()), field); // record keys are interned too
      }
      up++;
    }
    Optional<Symbols.Symbol> symbol = symbols.lookup(name);
    if (symbol.isPresent()) {
      reads.add(name);
      return new Typed(new Nodes.Slot(symbol.get().slot()), symbol.get().type());
    }
    if (name.equals("as_of")) {
      return new Typed(new Nodes.AsOf(), Type.DATE);
    }
    if (name.equals("application_date")) {
      return new Typed(new Nodes.ApplicationDate(), Type.DATE);
    }
    if (symbols.isBroken(name)) {
      return ERROR; // its declaration is reported; every use of it would repeat that
    }
    if (Functions.NAMES.contains(name)) {
      error(n, "'" + name + "' is a function", "call it with its arguments, e.g. " + name + "(…)");
      return ERROR;
    }
    error(n, "unknown fact '" + name + "'", unknownNameHint(name));
    return ERROR;
  }

  /**
   * A field of a list fact used outside the list says where it can be used; else the closest name in
   * scope, else the closest field of a list fact.
   */
  private String unknownNameHint(String name) {
    String hint = listFieldHint(name);
    if (hint.isEmpty()) {
      hint = Suggest.didYouMean(name, namesInScope());
    }
    if (hint.isEmpty()) {
      List<String> fields = new ArrayList<>();
      for (Symbols.Symbol s : symbols.all()) {
        fields.addAll(s.type().isRecords() ? s.type().fields().keySet() : List.of());
      }
      Optional<String> field = Suggest.closest(name, fields);
      hint = field.isPresent() ? "did you mean '" + field.get() + "'? " + listFieldHint(field.get()) : "";
    }
    if (hint.isEmpty()) {
      hint = "declare it under 'facts:' (a question a case answers) or 'derived:' (computed from other facts)";
    }
    return hint;
  }

  /** Where to use a name that is a field of a list fact (e.g. of each child), or "" when it is none. */
  private String listFieldHint(String name) {
    for (Symbols.Symbol list : symbols.all()) {
      Type field = list.type().isRecords() ? list.type().fields().get(name) : null;
      if (field != null) {
        String l = list.name();
        String condition = field.kind() == Type.Kind.BOOLEAN ? name : name + " …";
        return "'" + name + "' is a field of the list '" + l + "': use it inside any(" + l + ", " + condition
            + "), count(" + l + ", …) or all(" + l + ", …)";
      }
    }
    return "";
  }

  List<String> namesInScope() {
    List<String> names = new ArrayList<>(symbols.names());
    names.add("as_of");
    names.add("application_date");
    for (Type item : items) {
      names.addAll(item.fields().keySet());
    }
    return names;
  }

  private Typed unary(Ast.Unary u) {
    Typed operand = check(u.operand());
    if (operand.type().isError()) {
      return ERROR;
    }
    if (u.op().equals("not")) {
      if (operand.type().kind() != Type.Kind.BOOLEAN) {
        error(u, "'not' needs a condition, but is applied to " + operand.type().describe(),
            "'not' applies to the value right after it: write not (a >= b)");
        return ERROR;
      }
      return new Typed(new Nodes.Not(operand.expr()), Type.BOOLEAN);
    }
    if (!operand.type().isNumeric()) {
      error(u, "'-' needs a number, found " + operand.type().describe(), operand.type().kind() == Type.Kind.DATE
          ? "to move a date back, add a negative number: add_months(as_of, -24)"
          : "put '-' before a number or a number fact, e.g. -24");
      return ERROR;
    }
    return new Typed(new Nodes.Negate(operand.expr()), operand.type());
  }
}
