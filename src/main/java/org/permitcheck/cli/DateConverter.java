package org.permitcheck.cli;

import java.time.LocalDate;
import org.permitcheck.tree.IsoDate;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads ISO dates on the command line; the error is worded by {@link ParameterErrors}. */
final class DateConverter implements ITypeConverter<LocalDate> {
  @Override
  public LocalDate convert(String value) {
    LocalDate d = IsoDate.parse(value); // not LocalDate.parse, which takes +10000-01-01
    if (d == null) {
      throw new TypeConversionException("'" + value + "' is not a date like 2026-11-22");
    }
    return d;
  }
}
