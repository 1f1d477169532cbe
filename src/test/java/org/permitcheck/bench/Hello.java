package org.permitcheck.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The start-up floor: a hello-world picocli program, run with the same JVM and flags. */
@Command(name = "hello")
public final class Hello implements Runnable {
  @Parameters(arity = "0..*")
  String[] args;

  @Override
  public void run() {
    System.out.println("hello");
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Hello()).execute(args));
  }
}
