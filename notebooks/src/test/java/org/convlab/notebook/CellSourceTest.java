package org.convlab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class CellSourceTest {
    @Test
    void aCellSplitsIntoCodeAndLineMagicsInOrderWithTheirLines() {
        String cell = "%maven a:b:1\nint x = 1;\n\nx + 1\n%jars lib/*.jar \"my dir/x.jar\"\nx";
        assertEquals(List.of(
                new CellSource.Magic("maven", List.of("a:b:1"), 1),
                new CellSource.Code("int x = 1;\n\nx + 1", 2),
                new CellSource.Magic("jars", List.of("lib/*.jar", "my dir/x.jar"), 5),
                new CellSource.Code("x", 6)), CellSource.parse(cell));
    }

    @Test
    void onlyAPercentSignAtTheStartOfALineMakesAMagic() {
        assertEquals(List.of(new CellSource.Code("int r = 7\n  % 3;", 1)), CellSource.parse("int r = 7\n  % 3;"));
        assertEquals(List.of(), CellSource.parse(""));
        assertEquals(List.of(new CellSource.Magic("classpath", List.of("a", "b"), 1)),
                CellSource.parse("%classpath a b\r"));
    }

    @Test
    void argumentsSplitOnWhiteSpaceAndQuotesGroupThem() {
        assertEquals(List.of("a", "b c", "", "d"), CellSource.splitArguments("  a \"b c\" \"\"\td  "));
        assertEquals(List.of(), CellSource.splitArguments("   "));
    }

    @Test
    void blankingMagicsKeepsEveryOffset() {
        String cell = "%maven a:b:1\nMath.max(1, 2)";
        String blanked = CellSource.blankMagics(cell);
        assertEquals(cell.length(), blanked.length());
        assertEquals(" ".repeat(12) + "\nMath.max(1, 2)", blanked);
    }

    @Test
    void theCursorsLineIsRecognisedAsAMagicLine() {
        String cell = "int a;\n%mav";
        assertTrue(CellSource.isMagicLine(cell, cell.length()));
        assertFalse(CellSource.isMagicLine(cell, 3));
        assertTrue(CellSource.isMagicLine("%ja", 0));
        assertFalse(CellSource.isMagicLine("", 0));
    }
}
