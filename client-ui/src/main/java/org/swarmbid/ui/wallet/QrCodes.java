package org.swarmbid.ui.wallet;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;

/** QR codes (ISO/IEC 18004, via zxing) as JavaFX images: black modules on white, a 4-module quiet zone. */
public final class QrCodes {

    private QrCodes() {
    }

    /**
     * {@code text} as a square QR code of about {@code size} pixels (zxing scales the modules by a whole number and
     * pads, so edges stay sharp).
     */
    public static WritableImage of(String text, int size) {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.MARGIN, 4, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit a QR code (" + text.length() + " characters)", e);
        }
        WritableImage image = new WritableImage(m.getWidth(), m.getHeight());
        PixelWriter w = image.getPixelWriter();
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                w.setArgb(x, y, m.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        return image;
    }
}
