package org.swarmbid.ui.common;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount of a token in whole units (not base units), e.g. {@code 12.5 BTT}.
 *
 * @param value  the amount; scale as the asset's decimals allow
 * @param symbol the token's symbol, e.g. {@code BTT}
 */
public record TokenAmount(BigDecimal value, String symbol) {
    public TokenAmount {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(symbol, "symbol");
    }
}
