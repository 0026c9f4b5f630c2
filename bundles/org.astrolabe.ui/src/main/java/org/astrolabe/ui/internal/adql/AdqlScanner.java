package org.astrolabe.ui.internal.adql;

import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.ICharacterScanner;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.IWordDetector;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.SingleLineRule;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.rules.WhitespaceRule;
import org.eclipse.jface.text.rules.WordRule;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;

/**
 * Splits ADQL into coloured tokens: keywords, functions, 'strings', numbers (1, 1.5, .5, 2e-3),
 * {@code --} comments and "quoted identifiers". UI thread only (the presentation reconciler's).
 */
final class AdqlScanner extends RuleBasedScanner {

    static final Color KEYWORD = new Color(127, 0, 85);
    static final Color FUNCTION = new Color(0, 102, 153);
    static final Color STRING = new Color(42, 0, 255);
    static final Color NUMBER = new Color(160, 60, 0);
    static final Color COMMENT = new Color(63, 127, 95);

    AdqlScanner() {
        IToken keyword = new Token(new TextAttribute(KEYWORD, null, SWT.BOLD));
        IToken function = new Token(new TextAttribute(FUNCTION));
        IToken string = new Token(new TextAttribute(STRING));
        IToken number = new Token(new TextAttribute(NUMBER));
        IToken comment = new Token(new TextAttribute(COMMENT, null, SWT.ITALIC));
        IToken identifier = new Token(null);

        WordRule words = new WordRule(new Identifier(), identifier, true);
        AdqlSyntax.KEYWORDS.forEach(w -> words.addWord(w, keyword));
        AdqlSyntax.FUNCTIONS.forEach(w -> words.addWord(w, function));
        setRules(new IRule[] {
            new EndOfLineRule("--", comment),
            new SingleLineRule("'", "'", string, (char) 0, true),
            new SingleLineRule("\"", "\"", identifier, (char) 0, true),
            new WhitespaceRule(Character::isWhitespace),
            new NumberLiteralRule(number),
            words,
        });
    }

    /** Letters, digits and underscores; an identifier starts with a letter or underscore. */
    private static final class Identifier implements IWordDetector {
        @Override
        public boolean isWordStart(char c) {
            return Character.isLetter(c) || c == '_';
        }

        @Override
        public boolean isWordPart(char c) {
            return Character.isLetterOrDigit(c) || c == '_';
        }
    }

    /** Unsigned numeric literals: digits, an optional fraction and an optional exponent. */
    static final class NumberLiteralRule implements IRule {
        private final IToken token;

        NumberLiteralRule(IToken token) {
            this.token = token;
        }

        @Override
        public IToken evaluate(ICharacterScanner scanner) {
            int c = scanner.read();
            int read = 1;
            boolean digits = false;
            while (Character.isDigit(c)) {
                digits = true;
                c = scanner.read();
                read++;
            }
            if (c == '.') {
                c = scanner.read();
                read++;
                while (Character.isDigit(c)) {
                    digits = true;
                    c = scanner.read();
                    read++;
                }
            }
            if (!digits) {
                unread(scanner, read);
                return Token.UNDEFINED;
            }
            if (c == 'e' || c == 'E') {
                int mark = read;
                c = scanner.read();
                read++;
                if (c == '+' || c == '-') {
                    c = scanner.read();
                    read++;
                }
                if (!Character.isDigit(c)) {
                    unread(scanner, read - mark + 1);
                    return token;
                }
                while (Character.isDigit(c)) {
                    c = scanner.read();
                    read++;
                }
            }
            scanner.unread();
            return token;
        }

        private static void unread(ICharacterScanner scanner, int count) {
            for (int i = 0; i < count; i++) {
                scanner.unread();
            }
        }
    }
}
