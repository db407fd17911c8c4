package io.graphyne.protocol.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The name and symbol verdicts bitshares-core's own unit tests expect (tests/tests/basic_tests.cpp,
 * valid_name_test and valid_symbol_test), as data.
 */
class NamesTest {
  @ParameterizedTest(name = "is_valid_name({0}) = {1}")
  @CsvSource(quoteCharacter = '`', value = {
        "a,true",
        "A,false",
        "0,false",
        ".,false",
        "-,false",
        "aa,true",
        "aA,false",
        "a0,true",
        "a.,false",
        "a-,false",
        "aaa,true",
        "aAa,false",
        "a0a,true",
        "a.a,true",
        "a-a,true",
        "aa0,true",
        "aA0,false",
        "a00,true",
        "a.0,false",
        "a-0,true",
        "aaa-bbb-ccc,true",
        "aaa-bbb.ccc,true",
        "`aaa,bbb-ccc`,false",
        "aaa_bbb-ccc,false",
        "aaa-BBB-ccc,false",
        "1aaa-bbb,false",
        "-aaa-bbb-ccc,false",
        ".aaa-bbb-ccc,false",
        "/aaa-bbb-ccc,false",
        "aaa-bbb-ccc-,false",
        "aaa-bbb-ccc.,false",
        "aaa-bbb-ccc..,false",
        "aaa-bbb-ccc/,false",
        "aaa..bbb-ccc,false",
        "aaa.bbb-ccc,true",
        "aaa.bbb.ccc,true",
        "aaa--bbb--ccc,true",
        "xn--sandmnnchen-p8a.de,true",
        "xn--sandmnnchen-p8a.dex,true",
        "xn-sandmnnchen-p8a.de,true",
        "xn-sandmnnchen-p8a.dex,true",
        "this-label-has-less-than-64-char.acters-63-to-be-really-precise,true",
        "this-label-has-more-than-63-char.act.ers-64-to-be-really-precise,false",
        "none.of.these.labels.has.more.than-63.chars--but.still.not.valid,false"
  })
  void isValidNameAsBitsharesCoreTests(String name, boolean valid) {
    assertThat(Names.isValidName(name)).isEqualTo(valid);
  }

  @ParameterizedTest(name = "is_valid_symbol({0}) = {1}")
  @CsvSource(quoteCharacter = '`', value = {
        "A,false",
        "a,false",
        "0,false",
        ".,false",
        "AA,false",
        "Aa,false",
        "A0,false",
        "A.,false",
        "AAA,true",
        "AaA,false",
        "A0A,true",
        "A.A,true",
        "A..A,false",
        "A.A.,false",
        "A.A.A,false",
        "AAAAAAAAAAAAAAAA,true",
        "AAAAAAAAAAAAAAAAA,false",
        "A.AAAAAAAAAAAAAA,true",
        "A.AAAAAAAAAAAA.A,false",
        "AAA000AAA,true"
  })
  void isValidSymbolAsBitsharesCoreTests(String symbol, boolean valid) {
    assertThat(Names.isValidSymbol(symbol)).isEqualTo(valid);
  }
}
