/** The Dynamic Sparse R-CNN network as DJL blocks: backbone, FPN, proposals/DPG, dynamic head. */
package org.dsrcnn.engine.model;
