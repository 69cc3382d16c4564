/** Recognising uploaded images by their bytes: {@link org.safepassage.service.image.ImageFormat}. */
package org.safepassage.service.image;
